/**
 * Content collections over content/: the generated item pages, and offices and sections from the generated
 * plan data. They reuse the plan's zod schemas, so the site reads exactly what the parser produced.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ItemSchema, OfficeSchema, SectionSchema } from './plan/schema.ts';

const items = defineCollection({
  loader: glob({ base: './content/items', pattern: '*.mdx' }),
  schema: ItemSchema.pick({ number: true, id: true, title: true, section: true, subsection: true, source: true, responsible: true }),
});

const offices = defineCollection({
  loader: file('./content/data/plan.json', {
    parser: (text) => JSON.parse(text).offices.map((o: { slug: string }) => ({ id: o.slug, ...o })),
  }),
  schema: OfficeSchema,
});

const sections = defineCollection({
  loader: file('./content/data/plan.json', {
    parser: (text) => JSON.parse(text).sections.map((s: { number: number }) => ({ id: String(s.number), ...s })),
  }),
  schema: SectionSchema,
});

export const collections = { items, offices, sections };
