import { z } from 'zod';
import { IdentifierSchema } from './common';

/**
 * A trained model contributed as an ONNX file instead of formulas. The build inspects it, refuses
 * what the browser runtime cannot run, and wraps it so the page feeds it like any other model.
 */
export const ContributedModelSchema = z
  .object({
    /** Path of the contributed .onnx file from the repository root, e.g. contributed-models/wdbc-malignancy.onnx. */
    file: z.string().regex(/^contributed-models\/[a-z0-9-]+\.onnx$/, 'contributed models live in contributed-models/<name>.onnx'),
    /** Name of the model's input tensor, shaped [N, number of features]. */
    input: z.string().min(1),
    /** Input ids in the order of the input tensor's columns. */
    features: z.array(IdentifierSchema).min(1),
  })
  .strict();

/** Where an output of a contributed model comes from: a column of one of its output tensors. */
export const ModelOutputSchema = z
  .object({
    /** Name of the model's output tensor, e.g. probability. */
    tensor: z.string().min(1),
    /** Column of a [N, C] tensor (0-based); ignored for a [N] tensor. */
    column: z.number().int().min(0).default(0),
    /** Multiplier, e.g. 100 to show a probability as a percentage. */
    scale: z.number().default(1),
  })
  .strict();

/** Model card of a contributed model (TRIPOD+AI items), shown on its page. */
export const ModelCardSchema = z
  .object({
    /** True for a demonstration that is not a clinically validated model; the page says so prominently. */
    demonstration: z.boolean().default(false),
    /** What the model is for, and what it is not for. */
    intended_use: z.string().min(1),
    /** Who it applies to. */
    population: z.string().min(1),
    /** What it predicts and over which horizon. */
    outcome: z.string().min(1),
    /** Development data: source, dates, size, outcome rate. */
    development_data: z.string().min(1),
    /** How it was trained (algorithm, predictors and how they were chosen, handling of missing data). */
    method: z.string().min(1),
    /** Discrimination with confidence intervals, on which data. */
    discrimination: z.string().min(1),
    /** Calibration (intercept, slope, Brier) on which data. */
    calibration: z.string().min(1),
    /** External validation, or "none". */
    external_validation: z.string().min(1),
    /** Known limitations. */
    limitations: z.array(z.string().min(1)).min(1),
    /** Fairness: subgroups examined, or why that was impossible. */
    fairness: z.string().min(1),
    /** How to reproduce it (script path and command). */
    reproduce: z.string().min(1),
  })
  .strict();

export type ContributedModel = z.infer<typeof ContributedModelSchema>;
export type ModelCard = z.infer<typeof ModelCardSchema>;
