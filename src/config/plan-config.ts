/**
 * A plan folder's config (`seeds/<id>/plan.json`) and how a folder becomes a plan: what the config says, else
 * what the document says. Pure: the caller lists the folder, parses the JSON, reads the document and computes
 * the digest (digest.ts); nothing here touches a file.
 *
 * JSON rather than YAML: the config is a dozen short fields written once per plan, the project already writes
 * JSON by hand (content/editorial-notes.json), and JSON needs no new dependency and has one reading of `2020`
 * or `no` — YAML's implicit types would turn a bare `supersedes: 2020` into a number.
 */
import { z } from 'zod';
import { EditorialNoteSchema, type EditorialNote } from '../generate/notes.ts';
import { describeIssue, keyOf, parseJson, type JsonPos } from './json-problems.ts';

export { locateKey } from './json-problems.ts';

/** The config's file name inside a plan folder. */
export const CONFIG_FILE = 'plan.json';

/** Extensions of the source documents the readers accept (src/plan/source.ts: text, docx, pdf, html). */
export const SOURCE_EXTENSIONS = ['.txt', '.docx', '.pdf', '.html', '.htm'] as const;

/** The states a plan can be in. */
export const PLAN_STATUSES = ['现行有效', '已失效', '已被替代'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const slug = z.string().regex(SLUG, { error: 'must be a slug: lower-case ASCII letters and digits, joined by single hyphens (e.g. 2021 or city-edu-2021)' });

/** Where the original was published and which file was received. */
export const PlanSourceSchema = z.strictObject({
  /** File name of the source document in the folder, needed only when the folder holds more than one. */
  file: z.string().min(1, { error: 'must name a file of the folder' }).optional(),
  /** Where the document was published (http or https). */
  url: z.url({ protocol: /^https?$/u, error: 'must be an http or https URL' }).optional(),
  /** Publication date, YYYY-MM-DD. */
  publishedAt: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).optional(),
  /** SHA-256 of the file as received, 64 lower-case hex digits. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u, { error: 'must be 64 lower-case hexadecimal digits (sha256sum prints it)' }).optional(),
}, { error: 'must be an object' });

/** The config of one plan folder; every field is optional, since the document itself gives id, year and series. */
export const PlanConfigSchema = z.strictObject({
  /** A comment for people editing the file; ignored. */
  $comment: z.string().optional(),
  /** URL segment of the plan, e.g. 2021; default: the year. */
  id: slug.optional(),
  /** The year the plan is for (the first year of a span); default: the 2020年 of its title, else its 成文日期's year. */
  year: z.int({ error: 'must be a whole number, e.g. 2021' }).min(1949, { error: 'must be 1949 or later' }).max(2100, { error: 'must be 2100 or earlier' }).optional(),
  /** The last year of a plan for a span of years, e.g. 2020 for （2018—2020年）; default: the span of its title. */
  yearTo: z.int({ error: 'must be a whole number, e.g. 2025' }).min(1949, { error: 'must be 1949 or later' }).max(2100, { error: 'must be 2100 or earlier' }).optional(),
  /** The series the plan is an edition of, e.g. 湖南省教育厅工作要点; default: the title without its year. */
  series: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
  /** Legal status; absent means not stated (the archive can infer 已被替代 from `supersedes`). */
  status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional(),
  /** Id of the plan this one replaces. */
  supersedes: slug.optional(),
  /** Where the original was published and which file was received. */
  source: PlanSourceSchema.optional(),
  /** Other names of an office used in the document → its canonical name, e.g. 考试院 → 教育考试院. */
  officeAliases: z.record(z.string().min(1), z.string().min(1, { error: 'must name the canonical office' }), { error: 'must map each alias to a canonical name' }).optional(),
  /** Editorial notes (content/editorial-notes.json's notes; the folder says which plan they belong to). */
  editorialNotes: z.array(EditorialNoteSchema, { error: 'must be a list of notes' }).optional(),
}, { error: 'must be a JSON object' });

/** What a plan folder's config holds. */
export type PlanConfig = z.infer<typeof PlanConfigSchema>;

/** A plan's status. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Where a problem is, 1-based (columns in code points), in the file it names. */
export type ConfigPos = JsonPos;

/** One thing wrong with a plan folder: which file (and where in it), a rule id, and what to change. */
export interface ConfigProblem {
  /** File name inside the folder, e.g. plan.json, or the source document's name for what the document lacks. */
  file: string;
  /** Stable rule id, e.g. config-invalid. */
  ruleId: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** The key of plan.json the problem is about, e.g. ['source', 'sha256'], for the caller to locate in the text. */
  key?: (string | number)[];
  /** Where in `file`, when known: the title in the source, a key of plan.json, a JSON syntax error. */
  at?: ConfigPos;
}

/** A folder entry as listed by the caller; `sha256` is the digest of its bytes (digest.ts), if computed. */
export interface FolderFile {
  name: string;
  sha256?: string;
}

/** What the parsed document says about itself. */
export interface DocumentFacts {
  /** The plan title, e.g. 湖南省教育厅 中共湖南省委教育工委 2020 年工作要点. */
  title: string;
  /** Where the title starts in the source document, for messages about what it does not say. */
  titleAt?: ConfigPos;
  /** The 成文日期 as ISO 8601: the covering notice's (Notice.isoDate), else the plan's own signature's (Signature.isoDate). */
  isoDate?: string;
}

/** Where a plan's year came from: its config, its title, or its 成文日期 (the notice's or the plan's signature's). */
export type YearSource = 'config' | 'title' | 'date';

/** A plan folder resolved: every field the archive needs, and which ones the document supplied. */
export interface ResolvedPlanConfig {
  id: string;
  /** The year the plan is for; the first year when it is for a span. */
  year: number;
  /** The last year, when the plan is for a span of years (（2018—2020年） → year 2018, yearTo 2020). */
  yearTo?: number;
  /** Where `year` came from. */
  yearFrom: YearSource;
  series: string;
  status?: PlanStatus;
  supersedes?: string;
  /** Name of the source document in the folder. */
  sourceFile: string;
  source: Omit<z.infer<typeof PlanSourceSchema>, 'file'>;
  officeAliases: Record<string, string>;
  editorialNotes: EditorialNote[];
  /** Fields taken from the document because the config did not give them. */
  fromDocument: ('id' | 'year' | 'series')[];
}

/** The result of resolving a folder. */
export type ConfigResult = { ok: true; value: ResolvedPlanConfig } | { ok: false; problems: ConfigProblem[] };

/**
 * Formats a problem for the console.
 * @example formatConfigProblem({ file: 'plan.json', ruleId: 'config-invalid', message: 'year must be …' }) // 'config-invalid: plan.json: year must be …'
 */
export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.ruleId}: ${p.file}: ${p.message}`;
}

/**
 * Parses the text of plan.json; a syntax error becomes a problem naming the file and the place the parser saw it.
 * @example parseConfigJson('{"year": 2021}') // { ok: true, value: { year: 2021 } }
 */
export function parseConfigJson(text: string): { ok: true; value: unknown } | { ok: false; problems: ConfigProblem[] } {
  const json = parseJson(text);
  if (json.ok) return json;
  return { ok: false, problems: [{ file: CONFIG_FILE, ruleId: 'config-json', message: json.problem.message, at: json.problem.at }] };
}

/** What a title says of its year and series. */
export interface TitleFacts {
  /** The year, or the first year of a span. */
  year?: number;
  /** The last year of a span such as （2018—2020年）. */
  yearTo?: number;
  /** The series: the title without its year (and the brackets or quotes around it), e.g. 某某厅工作要点. */
  series?: string;
  /** What follows the year up to a space or bracket, e.g. 工作要点 (none when the year closes the title). */
  genre?: string;
  /** What precedes a year that is not in brackets, e.g. 某某厅: the issuers as the title names them. */
  issuer?: string;
}

const DIGIT_YEAR = '[0-9０-９]{4}';
const HAN_YEAR = '[〇零○Ｏ一二三四五六七八九]{4}';
/** A span (2018—2020年, 2021-2025年度), a year (2021年, ２０２１ 年度, 二〇二一年), in optional brackets. */
const TITLE_YEAR = new RegExp(
  `([（(]\\s*)?(?:(${DIGIT_YEAR})\\s*[—–\\-－~～至到]{1,2}\\s*(${DIGIT_YEAR})|(${DIGIT_YEAR})|(${HAN_YEAR}))\\s*年度?(\\s*[）)])?`,
  'u',
);
/** A five-year plan's period, e.g. “十四五”: the 14th plan, 2021—2025. */
const FIVE_YEAR_PLAN = /[“"「]?十([一二三四五六七八九])五[”"」]?(?:时期)?/u;
const HAN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const arabic = (digits: string) => Number(digits.normalize('NFKC'));

/**
 * The year or span of years a title states, and the series it names: the title without its year.
 * @example titleFacts('某某厅 2021年工作要点') // { year: 2021, series: '某某厅工作要点', genre: '工作要点', issuer: '某某厅' }
 * @example titleFacts('某某行动计划（2018—2020年）') // { year: 2018, yearTo: 2020, series: '某某行动计划' }
 */
export function titleFacts(title: string): TitleFacts {
  const m = TITLE_YEAR.exec(title);
  let year: number | undefined;
  let yearTo: number | undefined;
  let cut: { index: number; length: number; bracketed: boolean } | undefined;
  if (m && !(m[2] && arabic(m[3]!) <= arabic(m[2]))) {
    // Brackets count only in pairs: 《…（2018—2020年）》 keeps neither when only one is there.
    const bracketed = Boolean(m[1] && m[6]);
    const start = m.index + (m[1] && !bracketed ? m[1].length : 0);
    const end = m.index + m[0].length - (m[6] && !bracketed ? m[6].length : 0);
    cut = { index: start, length: end - start, bracketed };
    if (m[2]) [year, yearTo] = [arabic(m[2]), arabic(m[3]!)];
    else if (m[4]) year = arabic(m[4]);
    else year = Number([...m[5]!].map((c) => HAN_DIGIT[c]).join(''));
  } else {
    const f = FIVE_YEAR_PLAN.exec(title);
    if (f) {
      // The 3rd five-year plan began in 1966 and each since has run five years: the 14th is 2021—2025.
      const nth = 10 + HAN_DIGIT[f[1]!]!;
      year = 1966 + 5 * (nth - 3);
      yearTo = year + 4;
      cut = { index: f.index, length: f[0].length, bracketed: true };
    }
  }
  if (!cut || year === undefined) return { series: title.trim() };
  const before = title.slice(0, cut.index).trim();
  const after = title.slice(cut.index + cut.length).trim();
  const series = `${before}${after}`.trim();
  const genre = cut.bracketed ? undefined : after.replace(/[\s（(《“].*$/u, '').trim() || undefined;
  return {
    year,
    ...(yearTo !== undefined && { yearTo }),
    ...(series && { series }),
    ...(genre && { genre }),
    ...(!cut.bracketed && before && { issuer: before }),
  };
}

/**
 * A plan's years as pages show them, before 年: 2020, or 2018—2020 for a span.
 * @example yearSpan({ year: 2018, yearTo: 2020 }) // '2018—2020'
 */
export function yearSpan(p: { year: number; yearTo?: number | undefined }): string {
  return p.yearTo === undefined ? String(p.year) : `${p.year}—${p.yearTo}`;
}

/**
 * Resolves a plan folder: validates the config (absent is fine), finds the source document, and fills id,
 * year and series from the document where the config is silent: the year or span of its title, else its
 * 成文日期; the series is the title without its year. Collects every problem.
 * @example resolvePlanConfig([{ name: 'plan.txt' }], undefined, { title: '某某厅 2021年工作要点' }).ok // true, id '2021'
 */
export function resolvePlanConfig(files: FolderFile[], config: unknown | undefined, fromDocument: DocumentFacts): ConfigResult {
  return resolveFolder(files, chooseFolder(files, config), fromDocument);
}

/** A plan folder before its document is read: its config checked (once) and its source document chosen (once). */
export interface FolderChoice {
  /** The config as checked; empty when there is none or it is invalid. */
  config: PlanConfig;
  /** The source document, when the folder and config name one unambiguously. */
  sourceFile: string | undefined;
  /** What is wrong so far: a plan.yaml, invalid keys, no or several source documents. */
  problems: ConfigProblem[];
}

/**
 * Checks a folder's config against the schema and chooses its source document: all the resolver needs before
 * the document is read (the reader takes the config's officeAliases).
 * @example chooseFolder([{ name: 'plan.txt' }], { year: 2021 }).sourceFile // 'plan.txt'
 */
export function chooseFolder(files: FolderFile[], config: unknown | undefined): FolderChoice {
  const problems: ConfigProblem[] = [];
  const fail = (ruleId: string, message: string, key?: (string | number)[], file = CONFIG_FILE) => problems.push({ file, ruleId, message, ...(key && { key }) });
  for (const f of files) {
    if (/^plan\.ya?ml$/iu.test(f.name)) fail('config-format', `the config is read from ${CONFIG_FILE} only; write the same fields as JSON in ${CONFIG_FILE} and delete ${f.name}.`, undefined, f.name);
  }
  let cfg: PlanConfig = {};
  if (config !== undefined) {
    const parsed = PlanConfigSchema.safeParse(config);
    if (parsed.success) cfg = parsed.data;
    else for (const issue of parsed.error.issues) fail('config-invalid', describeIssue(issue, PlanConfigSchema), keyOf(issue));
  }
  return { config: cfg, sourceFile: findSource(files, cfg.source?.file, fail), problems };
}

/**
 * Resolves a folder whose config was checked and source chosen (chooseFolder) with what its document says.
 * @example resolveFolder(files, chooseFolder(files, undefined), { title: '某某厅 2021年工作要点' }).ok // true
 */
export function resolveFolder(files: FolderFile[], choice: FolderChoice, fromDocument: DocumentFacts): ConfigResult {
  const problems: ConfigProblem[] = [...choice.problems];
  const fail = (ruleId: string, message: string, key?: (string | number)[], file = CONFIG_FILE) => problems.push({ file, ruleId, message, ...(key && { key }) });
  const { config: cfg, sourceFile } = choice;
  // What the document lacks is said at its title, in the source file (there may be no plan.json at all).
  const lacking = (ruleId: string, message: string) =>
    problems.push({ file: sourceFile ?? files[0]?.name ?? '.', ruleId, message, ...(fromDocument.titleAt && { at: fromDocument.titleAt }) });
  const giveIn = `the plan folder's ${CONFIG_FILE} (create it beside the file if there is none${sourceFile ? `, with "source": { "file": "${sourceFile}" }` : ''})`;

  const facts = titleFacts(fromDocument.title);
  if (cfg.year !== undefined && facts.year !== undefined && cfg.year !== facts.year) {
    fail('config-conflict', `year is ${cfg.year} but the document says ${facts.year} (title “${fromDocument.title}”). Correct year, or remove it to use the document's.`, ['year']);
  }
  if (cfg.yearTo !== undefined && facts.yearTo !== undefined && cfg.yearTo !== facts.yearTo) {
    fail('config-conflict', `yearTo is ${cfg.yearTo} but the title “${fromDocument.title}” names a span to ${facts.yearTo}. Correct yearTo, or remove it to use the document's.`, ['yearTo']);
  }
  const dateYear = fromDocument.isoDate ? Number(fromDocument.isoDate.slice(0, 4)) : undefined;
  const year = cfg.year ?? facts.year ?? dateYear;
  const yearFrom: YearSource = cfg.year !== undefined ? 'config' : facts.year !== undefined ? 'title' : 'date';
  const yearTo = cfg.yearTo ?? (year === facts.year ? facts.yearTo : undefined);
  if (year === undefined) {
    lacking('year-unknown', `the title “${fromDocument.title}” names no year (such as 2021年 or （2018—2020年）) and the document has no 成文日期 (neither a covering notice nor a signed date after the plan). Give the year as "year": 2021 in ${giveIn}.`);
  } else if (yearTo !== undefined && yearTo <= year) {
    fail('config-invalid', `yearTo (${yearTo}) must come after year (${year}): it is the last year of a span such as 2018—2020. Remove it for a plan of one year.`, ['yearTo']);
  }

  const series = cfg.series ?? facts.series;
  if (!series) lacking('series-unknown', `the series cannot be told from the title “${fromDocument.title}”, which holds nothing but its year. Give it as "series": "某某厅工作要点" in ${giveIn}.`);

  const id = cfg.id ?? (year === undefined ? undefined : yearTo === undefined ? String(year) : `${year}-${yearTo}`);
  if (id !== undefined && cfg.supersedes === id) fail('config-invalid', `supersedes names the plan itself (${id}). Give the id of the plan this one replaces.`, ['supersedes']);

  for (const [alias, canonical] of Object.entries(cfg.officeAliases ?? {})) {
    if (alias === canonical) fail('config-invalid', `officeAliases.${alias} maps the name to itself. Remove the entry.`, ['officeAliases', alias]);
    else if (cfg.officeAliases?.[canonical] !== undefined) fail('config-invalid', `officeAliases.${alias} maps to ${canonical}, which is itself an alias. Map ${alias} to the final canonical name.`, ['officeAliases', alias]);
  }

  const digest = sourceFile === undefined ? undefined : files.find((f) => f.name === sourceFile)?.sha256;
  if (sourceFile !== undefined && cfg.source?.sha256 && digest !== undefined) {
    const mismatch = checkSourceDigest(cfg.source.sha256, digest, sourceFile);
    if (mismatch) problems.push(mismatch);
  }

  if (problems.length > 0 || id === undefined || year === undefined || !series || sourceFile === undefined) return { ok: false, problems };
  const { file: _file, ...source } = cfg.source ?? {};
  return {
    ok: true,
    value: {
      id,
      year,
      ...(yearTo !== undefined && { yearTo }),
      yearFrom,
      series,
      ...(cfg.status && { status: cfg.status }),
      ...(cfg.supersedes && { supersedes: cfg.supersedes }),
      sourceFile,
      source,
      officeAliases: cfg.officeAliases ?? {},
      editorialNotes: cfg.editorialNotes ?? [],
      fromDocument: [...(cfg.id === undefined ? ['id' as const] : []), ...(cfg.year === undefined ? ['year' as const] : []), ...(cfg.series === undefined ? ['series' as const] : [])],
    },
  };
}

/**
 * Compares the SHA-256 recorded in the config with the digest of the file in the folder (computed by the
 * caller); a problem when they differ, since the file is then not the one received.
 * @example checkSourceDigest('ab…', 'ab…', 'plan.txt') // undefined
 */
export function checkSourceDigest(expected: string, actual: string, file: string): ConfigProblem | undefined {
  if (expected.toLowerCase() === actual.toLowerCase()) return undefined;
  return {
    file: CONFIG_FILE,
    ruleId: 'source-digest',
    key: ['source', 'sha256'],
    message: `source.sha256 is ${expected} but ${file} has SHA-256 ${actual}: the file is not the one received. Restore the original file, or record the new digest if the new file is the one to publish.`,
  };
}

/** The source document of the folder: the one named in the config, else the only file of a readable format. */
function findSource(files: FolderFile[], named: string | undefined, fail: (ruleId: string, message: string, key?: (string | number)[], file?: string) => void): string | undefined {
  if (named !== undefined) {
    if (files.some((f) => f.name === named)) return named;
    fail('source-missing', `source.file names ${named}, which is not in the folder (it holds ${files.map((f) => f.name).join(', ') || 'nothing'}).`, ['source', 'file']);
    return undefined;
  }
  const candidates = files.map((f) => f.name).filter((n) => SOURCE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext))).sort();
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) fail('source-missing', `the folder holds no source document (${SOURCE_EXTENSIONS.join(' ')}). Add the plan file as received.`, undefined, '.');
  else fail('source-ambiguous', `the folder holds several source documents (${candidates.join(', ')}). Keep one, or name it in ${CONFIG_FILE} as "source": { "file": "${candidates[0]}" }.`, undefined, '.');
  return undefined;
}
