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

/** The config's file name inside a plan folder. */
export const CONFIG_FILE = 'plan.json';

/** Extensions of the source documents the readers accept (src/plan/source.ts: text, docx, pdf, html). */
export const SOURCE_EXTENSIONS = ['.txt', '.docx', '.pdf', '.html', '.htm'] as const;

/** The states a plan can be in. */
export const PLAN_STATUSES = ['现行有效', '已失效', '已被替代'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const slug = z.string().regex(SLUG, { error: 'must be a slug: lower-case ASCII letters and digits, joined by single hyphens (e.g. 2021 or hunan-jyt-2021)' });

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
  /** The year the plan is for; default: the 2020年 of its title. */
  year: z.int({ error: 'must be a whole number, e.g. 2021' }).min(1949, { error: 'must be 1949 or later' }).max(2100, { error: 'must be 2100 or earlier' }).optional(),
  /** The series the plan is an edition of, e.g. 湖南省教育厅工作要点; default: issuer + genre of the title. */
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

/** One thing wrong with a plan folder: which file, a rule id, and what to change (the key path leads). */
export interface ConfigProblem {
  /** File name inside the folder, e.g. plan.json. */
  file: string;
  /** Stable rule id, e.g. config-invalid. */
  ruleId: string;
  /** What is wrong and how to fix it. */
  message: string;
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
  /** The year, if the reader found it elsewhere. */
  year?: number;
  /** The issuer of the covering notice, e.g. 湖南省教育厅. */
  issuer?: string;
}

/** A plan folder resolved: every field the archive needs, and which ones the document supplied. */
export interface ResolvedPlanConfig {
  id: string;
  year: number;
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
 * Parses the text of plan.json; a syntax error becomes a problem naming the file.
 * @example parseConfigJson('{"year": 2021}') // { ok: true, value: { year: 2021 } }
 */
export function parseConfigJson(text: string): { ok: true; value: unknown } | { ok: false; problems: ConfigProblem[] } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/u, '')) };
  } catch (error) {
    return { ok: false, problems: [{ file: CONFIG_FILE, ruleId: 'config-json', message: `is not valid JSON (${(error as Error).message}). Check commas and quotes there.` }] };
  }
}

/**
 * The year and genre a title states: `… 2020 年工作要点` → 2020, 工作要点; the part before the year is the issuer.
 * @example titleFacts('某某厅 2021年工作要点') // { year: 2021, genre: '工作要点', issuer: '某某厅' }
 */
export function titleFacts(title: string): { year?: number; genre?: string; issuer?: string } {
  const t = title.normalize('NFKC');
  const m = /(\d{4})\s*年(?:度)?/u.exec(t);
  if (!m) return {};
  const genre = t.slice(m.index + m[0].length).replace(/[\s（(].*$/u, '').trim();
  const issuer = t.slice(0, m.index).trim();
  return { year: Number(m[1]), ...(genre && { genre }), ...(issuer && { issuer }) };
}

/**
 * Resolves a plan folder: validates the config (absent is fine), finds the source document, and fills id,
 * year and series from the document where the config is silent. Collects every problem.
 * @example resolvePlanConfig([{ name: 'plan.txt' }], undefined, { title: '某某厅 2021年工作要点' }).ok // true, id '2021'
 */
export function resolvePlanConfig(files: FolderFile[], config: unknown | undefined, fromDocument: DocumentFacts): ConfigResult {
  const problems: ConfigProblem[] = [];
  const fail = (ruleId: string, message: string, file = CONFIG_FILE) => problems.push({ file, ruleId, message });

  for (const f of files) {
    if (/^plan\.ya?ml$/iu.test(f.name)) fail('config-format', `the config is read from ${CONFIG_FILE} only; write the same fields as JSON in ${CONFIG_FILE} and delete ${f.name}.`, f.name);
  }

  let cfg: PlanConfig = {};
  if (config !== undefined) {
    const parsed = PlanConfigSchema.safeParse(config);
    if (parsed.success) cfg = parsed.data;
    else for (const issue of parsed.error.issues) fail('config-invalid', describeIssue(issue));
  }

  const sourceFile = findSource(files, cfg.source?.file, fail);

  const facts = titleFacts(fromDocument.title);
  const docYear = fromDocument.year ?? facts.year;
  if (cfg.year !== undefined && docYear !== undefined && cfg.year !== docYear) {
    fail('config-conflict', `year is ${cfg.year} but the document says ${docYear} (title “${fromDocument.title}”). Correct year, or remove it to use the document's.`);
  }
  const year = cfg.year ?? docYear;
  if (year === undefined) fail('year-unknown', `the title “${fromDocument.title}” names no year (such as 2021年). Add "year" to ${CONFIG_FILE}.`);

  const issuer = fromDocument.issuer ?? facts.issuer;
  const series = cfg.series ?? (issuer && facts.genre ? `${issuer}${facts.genre}` : undefined);
  if (series === undefined) fail('series-unknown', `the series cannot be told from the title “${fromDocument.title}” (issuer and genre such as 工作要点). Add "series" to ${CONFIG_FILE}, e.g. "series": "某某厅工作要点".`);

  const id = cfg.id ?? (year === undefined ? undefined : String(year));
  if (id !== undefined && cfg.supersedes === id) fail('config-invalid', `supersedes names the plan itself (${id}). Give the id of the plan this one replaces.`);

  for (const [alias, canonical] of Object.entries(cfg.officeAliases ?? {})) {
    if (alias === canonical) fail('config-invalid', `officeAliases.${alias} maps the name to itself. Remove the entry.`);
    else if (cfg.officeAliases?.[canonical] !== undefined) fail('config-invalid', `officeAliases.${alias} maps to ${canonical}, which is itself an alias. Map ${alias} to the final canonical name.`);
  }

  const digest = sourceFile === undefined ? undefined : files.find((f) => f.name === sourceFile)?.sha256;
  if (sourceFile !== undefined && cfg.source?.sha256 && digest !== undefined) {
    const mismatch = checkSourceDigest(cfg.source.sha256, digest, sourceFile);
    if (mismatch) problems.push(mismatch);
  }

  if (problems.length > 0 || id === undefined || year === undefined || series === undefined || sourceFile === undefined) return { ok: false, problems };
  const { file: _file, ...source } = cfg.source ?? {};
  return {
    ok: true,
    value: {
      id,
      year,
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
    message: `source.sha256 is ${expected} but ${file} has SHA-256 ${actual}: the file is not the one received. Restore the original file, or record the new digest if the new file is the one to publish.`,
  };
}

/** The source document of the folder: the one named in the config, else the only file of a readable format. */
function findSource(files: FolderFile[], named: string | undefined, fail: (ruleId: string, message: string, file?: string) => void): string | undefined {
  if (named !== undefined) {
    if (files.some((f) => f.name === named)) return named;
    fail('source-missing', `source.file names ${named}, which is not in the folder (it holds ${files.map((f) => f.name).join(', ') || 'nothing'}).`);
    return undefined;
  }
  const candidates = files.map((f) => f.name).filter((n) => SOURCE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext))).sort();
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) fail('source-missing', `the folder holds no source document (${SOURCE_EXTENSIONS.join(' ')}). Add the plan file as received.`, '.');
  else fail('source-ambiguous', `the folder holds several source documents (${candidates.join(', ')}). Keep one, or name it in ${CONFIG_FILE} as "source": { "file": "${candidates[0]}" }.`, '.');
  return undefined;
}

/** A zod issue as “<key path> <what to do>”. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(path === 'source' ? PlanSourceSchema.shape : PlanConfigSchema.shape).join(', ');
    const keys = issue.keys.map((k) => `“${k}”`).join(', ');
    return `${path ? `${path}: ` : ''}unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}. Check the spelling; the keys are ${known}.`;
  }
  return path ? `${path} ${issue.message}` : issue.message;
}
