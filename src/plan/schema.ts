/**
 * The plan as typed data: one zod schema per concept, TypeScript types derived from them.
 * The content collections (src/content.config.ts), the JSON export and its JSON Schema all reuse these.
 */
import { z } from 'zod';

/** Where a piece of text starts in the source file (1-based, columns in code points). */
export const SourcePosSchema = z.object({
  /** 1-based line number in the normalised source text. */
  line: z.number().int().positive(),
  /** 1-based column, counted in Unicode code points. */
  column: z.number().int().positive(),
});

/** 发文通知: the covering notice that issues the plan. */
export const NoticeSchema = z.object({
  /** 发文机关 as printed at the head of the notice, e.g. 湖南省教育厅. */
  issuer: z.string().min(1),
  /** The notice's own title, e.g. 印发《…》的通知. */
  title: z.string().min(1),
  /** 主送机关: the addressees line, with its trailing colon. */
  addressees: z.string().min(1),
  /** The notice's body paragraphs. */
  body: z.array(z.string().min(1)).min(1),
  /** 落款: the signing bodies, one per line. */
  signatories: z.array(z.string().min(1)).min(1),
  /** The date exactly as printed, e.g. 2020年3月6日. */
  date: z.string().min(1),
  /** The same date as ISO 8601 (YYYY-MM-DD). */
  isoDate: z.iso.date(),
});

/** One entry of a 责任单位 list, exactly as written and what it refers to. */
export const UnitRefSchema = z.object({
  /** The entry as written in the list, e.g. 考试院. */
  name: z.string().min(1),
  /** `office` for a named office; `group` for a collective entry such as 相关处室. */
  kind: z.enum(['office', 'group']),
  /** Slug of the office this entry refers to (aliases resolved); absent for groups. */
  office: z.string().optional(),
  /** True for the first entry of the list: the lead unit (牵头). */
  lead: z.boolean(),
});

/** A 责任单位 list: entries in document order and the punctuation that closed it. */
export const UnitListSchema = z.object({
  /** Entries in document order; the first is the lead. */
  units: z.array(UnitRefSchema).min(1),
  /** True when the list ends in 等 ("and others"). */
  etc: z.boolean(),
  /** A full stop that closed the list in the source (kept for fidelity), or empty. */
  trailing: z.string(),
});

/** The verbatim tokens around an item's fields, kept so the text can be shown exactly as written. */
export const ItemSourceSchema = z.object({
  /** The number as printed, including its dot and any space, e.g. `1. ` or `２．`. */
  numberText: z.string().min(1),
  /** The goals label as printed, e.g. 目标任务：. */
  goalsLabel: z.string().min(1),
  /** The measures label as printed, e.g. 工作措施：. */
  measuresLabel: z.string().min(1),
  /** The units label as printed, e.g. 责任单位：. */
  unitsLabel: z.string().min(1),
  /** Where the item heading starts in the source. */
  pos: SourcePosSchema,
});

/** One numbered work item (1–33 in the 2020 plan). */
export const ItemSchema = z.object({
  /** The item number, counted across the whole plan. */
  number: z.number().int().positive(),
  /** The item title, without its number. */
  title: z.string().min(1),
  /** Number of the section the item belongs to (1-based). */
  section: z.number().int().positive(),
  /** 目标任务, without its label; paragraphs separated by a newline (one in the 2020 plan). */
  goals: z.string().min(1),
  /** 工作措施, without its label: one string per paragraph, page breaks joined. */
  measures: z.array(z.string().min(1)).min(1),
  /** 责任单位: who is responsible, lead first. */
  responsible: UnitListSchema,
  /** Verbatim tokens needed to reproduce the source text. */
  source: ItemSourceSchema,
});

/** One of the numbered sections (一、… 八、). */
export const SectionSchema = z.object({
  /** The section number, 1-based. */
  number: z.number().int().positive(),
  /** The Chinese numeral as printed, e.g. 三. */
  numeral: z.string().min(1),
  /** The separator printed after the numeral, usually 、. */
  separator: z.string().min(1),
  /** The section title, without its numeral. */
  title: z.string().min(1),
  /** Numbers of the items in this section, in order. */
  items: z.array(z.number().int().positive()).min(1),
});

/** The closing paragraph (在完成上述工作的同时…) and who is responsible for it. */
export const ClosingSchema = z.object({
  /** The paragraphs of the closing text. */
  paragraphs: z.array(z.string().min(1)).min(1),
  /** Its 责任单位 list. */
  responsible: UnitListSchema,
  /** The units label as printed, e.g. 责任单位：. */
  unitsLabel: z.string().min(1),
});

/** A body named in 责任单位 lists, with every item it is responsible for. */
export const OfficeSchema = z.object({
  /** Stable ASCII slug (pinyin of the canonical name), used in URLs. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Canonical name. */
  name: z.string().min(1),
  /** Other names the plan uses for the same body, e.g. 考试院 for 教育考试院. */
  aliases: z.array(z.string().min(1)),
  /** Items the office is named in, in plan order; `lead` when it is listed first. */
  items: z.array(z.object({ number: z.number().int().positive(), lead: z.boolean() })),
  /** True when the office is also named for the closing paragraph. */
  closing: z.boolean(),
});

/** A group entry (相关处室, 厅…领导小组成员处室): a collective, not an office. */
export const GroupSchema = z.object({
  /** The entry as written. */
  name: z.string().min(1),
  /** Items that name it. */
  items: z.array(z.number().int().positive()),
});

/** Which field of an item a span of text lies in. */
export const FieldSchema = z.enum(['title', 'goals', 'measures']);

/** Where an extracted span lies: item, field, paragraph and code-point offsets within that paragraph. */
export const SpanRefSchema = z.object({
  /** Item number. */
  item: z.number().int().positive(),
  /** Field of the item. */
  field: FieldSchema,
  /** Paragraph index within the field (0 for title and single-paragraph goals). */
  paragraph: z.number().int().nonnegative(),
  /** Start offset in code points within the paragraph. */
  start: z.number().int().nonnegative(),
  /** End offset (exclusive) in code points. */
  end: z.number().int().nonnegative(),
});

/** A quantitative target: a number with its unit or qualifier, e.g. 93%, 25 万个, 5%以内. */
export const TargetSchema = SpanRefSchema.extend({
  /** Stable id, e.g. t16-1 (item 16, first target). */
  id: z.string(),
  /** The target exactly as written. */
  text: z.string().min(1),
  /** What kind of figure it is. */
  kind: z.enum(['percent', 'count', 'money']),
  /** The sentence around it (up to the nearest punctuation), for context in lists. */
  context: z.string(),
});

/** A document cited in 《…》. */
export const CitationSchema = z.object({
  /** The title inside the book-title marks. */
  title: z.string().min(1),
  /** Every place it is cited, in document order. */
  occurrences: z.array(SpanRefSchema).min(1),
});

/** A term quoted in “…”. */
export const QuoteSchema = z.object({
  /** The quoted term, without the quotation marks. */
  term: z.string().min(1),
  /** Every place it is quoted, in document order. */
  occurrences: z.array(SpanRefSchema).min(1),
});

/** The whole plan. */
export const PlanSchema = z.object({
  /** The covering notice; absent when the file holds the plan alone. */
  notice: NoticeSchema.optional(),
  /** The plan title, e.g. 湖南省教育厅 中共湖南省委教育工委 2020 年工作要点. */
  title: z.string().min(1),
  /** 总体要求: the paragraphs between the title and the first section. */
  requirements: z.array(z.string().min(1)),
  /** Sections in order. */
  sections: z.array(SectionSchema).min(1),
  /** Items in order. */
  items: z.array(ItemSchema).min(1),
  /** The closing paragraph, if the plan has one. */
  closing: ClosingSchema.optional(),
  /** Every office named in a 责任单位 list, sorted by slug. */
  offices: z.array(OfficeSchema),
  /** Collective entries (相关处室 …), in order of first appearance. */
  groups: z.array(GroupSchema),
  /** Quantitative targets in document order. */
  targets: z.array(TargetSchema),
  /** Cited documents in order of first citation. */
  citations: z.array(CitationSchema),
  /** Quoted terms in order of first appearance. */
  quotes: z.array(QuoteSchema),
});

export type SourcePos = z.infer<typeof SourcePosSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
export type UnitRef = z.infer<typeof UnitRefSchema>;
export type UnitList = z.infer<typeof UnitListSchema>;
export type ItemSource = z.infer<typeof ItemSourceSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Closing = z.infer<typeof ClosingSchema>;
export type Office = z.infer<typeof OfficeSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type SpanRef = z.infer<typeof SpanRefSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Plan = z.infer<typeof PlanSchema>;
