import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CalculatorSchema } from './schema/calculator';
import { CollectionSchema } from './schema/collection';

// The folder name is the calculator id; folders starting with _ (templates) are ignored.
const byFolder = ({ entry }: { entry: string }) => entry.split('/')[0];

export const collections = {
  calculators: defineCollection({
    loader: glob({ pattern: '[!_]*/calculator.yaml', base: './calculators', generateId: byFolder }),
    schema: CalculatorSchema,
  }),
  // collections/<id>.yaml (the file name is the id); checked against their members by npm run check.
  collections: defineCollection({
    loader: glob({ pattern: '[!_]*.yaml', base: './collections', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }),
    schema: CollectionSchema,
  }),
  notes: defineCollection({
    loader: glob({ pattern: '[!_]*/notes.md', base: './calculators', generateId: byFolder }),
  }),
};
