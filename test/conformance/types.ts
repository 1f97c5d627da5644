/** Types of the MedCalc-Bench Verified conformance harness (see README.md beside the data). */

/** One benchmark row (structured columns only). */
export interface BenchRow {
  row_number: number;
  calculator_id: number;
  calculator_name: string;
  category: string;
  output_type: string;
  relevant_entities: Record<string, unknown>;
  ground_truth: number | string | string[];
  lower_limit: number | string | string[];
  upper_limit: number | string | string[];
}

/** What a mapping gives for one row: our inputs, or why the row cannot be put to our calculator. */
export type MappedInputs = Record<string, string | number | boolean>;

/**
 * How one benchmark calculator maps onto one of ours. Conventions for findings a row does not
 * mention (e.g. "not mentioned counts as absent") belong here, never in our calculators.
 */
export interface Mapping {
  /** calculator_id in the benchmark. */
  benchId: number;
  /** Our calculator id (folder name). */
  calculator: string;
  /** Our output compared with the ground truth. */
  output: string;
  /** The benchmark row's entities -> our inputs (values may carry units, e.g. "1.4 mg/dL"). */
  inputs(entities: Record<string, any>, row: BenchRow): MappedInputs;
  /**
   * Our answer in the benchmark's form, from our output's value (default: the number itself).
   * Dates: "MM/DD/YYYY"; gestational age: ["N weeks", "N days"].
   */
  answer?(value: number, outputs: Record<string, number>): number | string | string[];
  /** Documented clinical reasons for rows where we knowingly differ, by row_number, with a source. */
  explain?: Record<number, string>;
}
