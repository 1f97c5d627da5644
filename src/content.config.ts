import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CalculatorSchema } from './schema/calculator';

// The folder name is the calculator id; folders starting with _ (templates) are ignored.
const byFolder = ({ entry }: { entry: string }) => entry.split('/')[0];

export const collections = {
  calculators: defineCollection({
    loader: glob({ pattern: '[!_]*/calculator.yaml', base: './calculators', generateId: byFolder }),
    schema: CalculatorSchema,
  }),
  notes: defineCollection({
    loader: glob({ pattern: '[!_]*/notes.md', base: './calculators', generateId: byFolder }),
  }),
};
