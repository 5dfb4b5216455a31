/**
 * The plan as typed data: one zod schema per concept, TypeScript types derived from them.
 * The pages (src/lib/plans.ts), the JSON export and its JSON Schema all reuse these.
 */
import { z } from 'zod';

/** Where a piece of text starts in the source file (1-based, columns in code points). */
export const SourcePosSchema = z.object({
  /** 1-based line number in the normalised source text. */
  line: z.number().int().positive(),
  /** 1-based column, counted in Unicode code points. */
  column: z.number().int().positive(),
});

/**
 * 发文通知: the covering notice that issues the plan, element by element as GB/T 9704-2012 names them.
 * Every element is kept as printed; those a document does not have are absent.
 */
export const NoticeSchema = z.object({
  /** 版头 marks printed above the issuer: 份号, 密级, 紧急程度 (e.g. 特急), in order. */
  headMarks: z.array(z.string().min(1)).optional(),
  /** 发文机关标志 as printed, e.g. 湖南省教育厅文件 or 湖南省教育厅. */
  issuer: z.string().min(1).optional(),
  /** 发文字号, e.g. 湘教发〔2020〕8号. */
  docNumber: z.string().min(1).optional(),
  /** 签发人 line as printed, e.g. 签发人：张三. */
  signer: z.string().min(1).optional(),
  /** The notice's own title (标题), its printed lines joined, e.g. 关于印发《…》的通知; absent on a copy that starts at the 主送机关. */
  title: z.string().min(1).optional(),
  /** The head elements in the order printed, when it is not GB/T 9704's (发文机关标志, 发文字号, 签发人, 标题), e.g. a gazette's title before its 发文字号. */
  headOrder: z.array(z.enum(['issuer', 'docNumber', 'signer', 'title'])).optional(),
  /** 主送机关: the addressees, with the trailing colon. */
  addressees: z.string().min(1).optional(),
  /** The notice's body paragraphs (正文). */
  body: z.array(z.string().min(1)).min(1),
  /** 附件说明: the 附件：… line and the lines that continue its list, as printed. */
  attachmentNote: z.array(z.string().min(1)).optional(),
  /** 发文机关署名: the signing bodies, one per line. */
  signatories: z.array(z.string().min(1)),
  /** 成文日期 exactly as printed, e.g. 2020年3月6日. */
  date: z.string().min(1),
  /** The same date as ISO 8601 (YYYY-MM-DD). */
  isoDate: z.iso.date(),
  /** 附注 below the date, as printed, e.g. （此件主动公开）. */
  notes: z.array(z.string().min(1)).optional(),
});

/** 版记: 抄送机关 and 印发机关和印发日期 at the end of the document. */
export const ColophonSchema = z.object({
  /** The lines of the 版记 as printed, in order. */
  lines: z.array(z.string().min(1)).min(1),
  /** The 抄送 line, e.g. 抄送：教育部办公厅。 */
  cc: z.string().optional(),
  /** 印发机关, e.g. 湖南省教育厅办公室. */
  printer: z.string().optional(),
  /** 印发日期 as printed, e.g. 2020年3月9日印发. */
  printDate: z.string().optional(),
});

/** A block of an 附件: a paragraph, or a table read from .docx or .html. */
export const AttachmentBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string().min(1) }),
  z.object({ kind: z.literal('table'), rows: z.array(z.array(z.string())).min(1) }),
]);

/** An 附件 after the plan (e.g. 附件2 任务分工表): its mark, title and content, as printed. */
export const AttachmentSchema = z.object({
  /** The mark as printed, e.g. 附件2. */
  mark: z.string().min(1),
  /** URL segment, e.g. 2 (from 附件2). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The title, its printed lines joined; absent when the 附件 starts straight with its content. */
  title: z.string().min(1).optional(),
  /** Paragraphs and tables in order. */
  blocks: z.array(AttachmentBlockSchema),
});

/** One entry of a 责任单位 list, exactly as written and what it refers to. */
export const UnitRefSchema = z.object({
  /** The entry as written in the list, e.g. 考试院. */
  name: z.string().min(1),
  /** `office` for a named office; `group` for a collective entry such as 相关处室. */
  kind: z.enum(['office', 'group']),
  /** Slug of the office this entry refers to (aliases resolved); absent for groups. */
  office: z.string().optional(),
  /** True for a lead unit (牵头): the first entry of a 责任单位 list, or every entry of a 牵头单位 list. */
  lead: z.boolean(),
});

/** A 责任单位 list: entries in document order and the punctuation that closed it. */
export const UnitListSchema = z.object({
  /** Entries in document order: the lead(s) first, then any 配合单位 (lead false). */
  units: z.array(UnitRefSchema).min(1),
  /** True when the list ends in 等 ("and others"). */
  etc: z.boolean(),
  /** A full stop that closed the list in the source (kept for fidelity), or empty. */
  trailing: z.string(),
});

/**
 * Which part of an item a field is: goals (目标任务, 工作目标), measures (工作措施, 主要任务), or text — unlabelled
 * paragraphs, or a paragraph under another label such as 问题描述 or 完成时限 (its label kept in `label`).
 */
export const FieldKindSchema = z.enum(['goals', 'measures', 'text']);

/** One field of an item: its label as printed (目标任务： or none) and its paragraphs. */
export const ItemFieldSchema = z.object({
  /** goals (目标任务), measures (工作措施), or text (paragraphs without a label, or under 问题描述, 完成时限 …). */
  kind: FieldKindSchema,
  /** The label as printed, e.g. 目标任务：, 目標任務: or 完成时限：; empty for unlabelled text. */
  label: z.string(),
  /** True when the label stands on its own line, the text below it. */
  labelOwnLine: z.boolean(),
  /** Paragraphs in order; sub-points such as （1） or ① are paragraphs of their own. */
  paragraphs: z.array(z.string().min(1)).min(1),
});

/** How an item's 责任单位 are printed. */
export const UnitsSourceSchema = z.object({
  /** The label as printed, e.g. 责任单位：. */
  label: z.string().min(1),
  /** line: a line of its own; parenthesis: （责任单位：…） closing the last paragraph. */
  style: z.enum(['line', 'parenthesis']),
  /** The brackets around a parenthesised list, e.g. （ and ）; empty for a line. */
  open: z.string(),
  close: z.string(),
  /** True when the label stands on its own line with the list below it. */
  labelOwnLine: z.boolean(),
  /**
   * 牵头单位 followed by 配合单位 in the same item: the list's entries before `from` are under the first label (the
   * leads), the rest under the second. Printed as label, leads joined by 、, separator, partner label, partners.
   */
  partner: z
    .object({
      /** Index in the list of the first entry under the 配合单位 label. */
      from: z.number().int().positive(),
      /** What stands between the last lead and the 配合单位 label as printed, e.g. ；, 等； or empty. */
      separator: z.string(),
      /** The second label as printed, e.g. 配合单位：. */
      label: z.string().min(1),
      /** True when the 配合单位 label starts a line of its own. */
      ownLine: z.boolean(),
    })
    .optional(),
  /** Index of the field printed after the 责任单位 (e.g. a 完成时限 below it); absent when the units come last. */
  beforeField: z.number().int().nonnegative().optional(),
});

/** The verbatim tokens around an item's text, kept so it can be shown exactly as written. */
export const ItemSourceSchema = z.object({
  /** The number as printed, including its dot and any space, e.g. `1. `, `２．` or `（三）`. */
  numberText: z.string().min(1),
  /**
   * line: the headline is a line of its own; sentence: the headline is the first sentence of the item's first
   * paragraph (`1.坚持…。按照…`), and the field text continues after it.
   */
  headline: z.enum(['line', 'sentence']),
  /** What ends the headline sentence when `headline` is sentence (e.g. 。), else empty. */
  titleEnd: z.string(),
  /** How the 责任单位 are printed, when the item names them. */
  units: UnitsSourceSchema.optional(),
  /** Where the item heading starts in the source. */
  pos: SourcePosSchema,
});

/** One numbered work item. */
export const ItemSchema = z.object({
  /** Position of the item in the plan, 1-based (equal to the printed number when numbering runs through). */
  number: z.number().int().positive(),
  /** Stable URL id: the printed number (16), or section-number (3-2) when numbering restarts. */
  id: z.string().regex(/^[0-9]+(-[0-9]+)*$/),
  /** The headline, without its number. */
  title: z.string().min(1),
  /** Number of the section the item belongs to (1-based). */
  section: z.number().int().positive(),
  /** Number of the subsection （一） within the section, when the plan has two levels. */
  subsection: z.number().int().positive().optional(),
  /** The item's fields in order. */
  fields: z.array(ItemFieldSchema),
  /** 责任单位: who is responsible, lead first; absent when the text names no one. */
  responsible: UnitListSchema.optional(),
  /** Verbatim tokens needed to reproduce the source text. */
  source: ItemSourceSchema,
});

/** A subsection （一）… inside a section, when the plan has two levels above its items. */
export const SubsectionSchema = z.object({
  /** The subsection number within its section, 1-based. */
  number: z.number().int().positive(),
  /** The numeral as printed with its brackets, e.g. （一）. */
  numberText: z.string().min(1),
  /** The title, without its numeral. */
  title: z.string().min(1),
  /** Numbers (positions) of its items, in order. */
  items: z.array(z.number().int().positive()),
});

/** One of the numbered sections (一、… 八、), or the one implicit section of a plan printed without any. */
export const SectionSchema = z
  .object({
    /** The section number, 1-based. */
    number: z.number().int().positive(),
    /** The Chinese numeral as printed, e.g. 三; empty for the implicit section. */
    numeral: z.string(),
    /** The separator printed after the numeral, usually 、; empty for the implicit section. */
    separator: z.string(),
    /** The section title as printed, without its numeral (a final 。 kept); empty for the implicit section. */
    title: z.string(),
    /** True for the one section of a plan of numbered paragraphs with no 一、 headings: it has no printed heading. */
    implicit: z.literal(true).optional(),
    /** Numbers (positions) of the items in this section, in order; empty for a section of prose (see intro). */
    items: z.array(z.number().int().positive()),
    /**
     * Paragraphs between the section heading and its first item or subsection; in a section of prose (一、总体要求)
     * all of its paragraphs, its （一） headings among them as printed.
     */
    intro: z.array(z.string().min(1)).optional(),
    /** Subsections （一）… when the plan has two levels; their items are also in `items`. */
    subsections: z.array(SubsectionSchema).optional(),
  })
  .superRefine((s, ctx) => {
    // Only the implicit section lacks a printed heading; only a section of prose lacks items.
    for (const key of ['numeral', 'separator', 'title'] as const) {
      if ((s[key] === '') !== (s.implicit === true)) ctx.addIssue({ code: 'custom', path: [key], message: s.implicit ? 'must be empty in the implicit section' : 'must not be empty' });
    }
    if (s.items.length === 0 && !(s.intro && s.intro.length > 0)) ctx.addIssue({ code: 'custom', path: ['items'], message: 'a section without items must have paragraphs of its own (intro)' });
  });

/** The closing paragraph (在完成上述工作的同时…) and who is responsible for it. */
export const ClosingSchema = z.object({
  /** The paragraphs of the closing text. */
  paragraphs: z.array(z.string().min(1)).min(1),
  /** Its 责任单位 list. */
  responsible: UnitListSchema,
  /** How its units are printed. */
  units: UnitsSourceSchema,
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
export const FieldSchema = z.enum(['title', 'goals', 'measures', 'text']);

/** Where an extracted span lies: item, field, paragraph and code-point offsets within that paragraph. */
export const SpanRefSchema = z.object({
  /** Item number. */
  item: z.number().int().positive(),
  /** Field of the item. */
  field: FieldSchema,
  /** Paragraph index among the item's paragraphs of that field kind, in order (0 for title and single-paragraph goals). */
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

/** The plan's own signature: the issuer and date printed after its last item or closing, on a plan without a covering notice. */
export const SignatureSchema = z.object({
  /** 发文机关署名: the signing bodies as printed, one line each (several bodies spaced apart on one line stay one line). */
  signatories: z.array(z.string().min(1)).min(1),
  /** 成文日期 exactly as printed, e.g. 2022年3月10日 or 二〇二二年三月十日. */
  date: z.string().min(1),
  /** The same date as ISO 8601 (YYYY-MM-DD). */
  isoDate: z.iso.date(),
  /** 附注 below the date, as printed, e.g. （此件公开发布）. */
  notes: z.array(z.string().min(1)).optional(),
  /** True when printed below the plan's 附件说明, as a 公文 prints it; absent when printed above it or with none. */
  belowAttachmentNote: z.literal(true).optional(),
});

/** The whole plan. */
export const PlanSchema = z.object({
  /** The covering notice; absent when the file holds the plan alone. */
  notice: NoticeSchema.optional(),
  /** The mark above the plan title when the plan is the notice's attachment, e.g. 附件 or 附件1. */
  mark: z.string().min(1).optional(),
  /** The plan title, its printed lines joined, e.g. 湖南省教育厅 中共湖南省委教育工委 2020 年工作要点. */
  title: z.string().min(1),
  /** 总体要求: the paragraphs between the title and the first section. */
  requirements: z.array(z.string().min(1)),
  /** Sections in order. */
  sections: z.array(SectionSchema).min(1),
  /** Items in order. */
  items: z.array(ItemSchema).min(1),
  /** The closing paragraph, if the plan has one. */
  closing: ClosingSchema.optional(),
  /** The signature and date printed after the last item or the closing, before any 附件说明, 附件 or 版记. */
  signature: SignatureSchema.optional(),
  /** 附件说明 printed after the plan's closing (附件：1.任务分工表 and the lines of its list), as printed. */
  attachmentNote: z.array(z.string().min(1)).optional(),
  /** 附件 that follow the plan, in order. */
  attachments: z.array(AttachmentSchema),
  /** 版记 at the end, when the document has one. */
  colophon: ColophonSchema.optional(),
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
export type Colophon = z.infer<typeof ColophonSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type AttachmentBlock = z.infer<typeof AttachmentBlockSchema>;
export type FieldKind = z.infer<typeof FieldKindSchema>;
export type ItemField = z.infer<typeof ItemFieldSchema>;
export type UnitsSource = z.infer<typeof UnitsSourceSchema>;
export type Subsection = z.infer<typeof SubsectionSchema>;
export type UnitRef = z.infer<typeof UnitRefSchema>;
export type UnitList = z.infer<typeof UnitListSchema>;
export type ItemSource = z.infer<typeof ItemSourceSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Closing = z.infer<typeof ClosingSchema>;
export type Signature = z.infer<typeof SignatureSchema>;
export type Office = z.infer<typeof OfficeSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type SpanRef = z.infer<typeof SpanRefSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Plan = z.infer<typeof PlanSchema>;
