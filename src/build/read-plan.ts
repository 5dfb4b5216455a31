/**
 * Reading a plan file from disk: bytes → lines (by format) → Plan, with problems and warnings formatted for the
 * terminal and a one-paragraph summary of what was recognised.
 */
import { readFile } from 'node:fs/promises';
import { readSource } from '../read/read-source.ts';
import { parseDocument, type ParseOptions, type ReadReport } from '../plan/parse-plan.ts';
import { formatProblem, type Problem, type Result } from '../plan/problem.ts';
import type { Plan } from '../plan/schema.ts';
import type { SourceDocument } from '../plan/source.ts';

/** The folder of plan folders the site is built from unless PLANS_DIR or PLAN_FILE says otherwise. */
export const DEFAULT_PLANS_DIR = 'seeds';

/** A failure the user can act on: already-formatted `path:line:col: rule: message` lines. */
export class PlanInputError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/** Throws PlanInputError with every problem, formatted against `path`. */
export function failWith(path: string, problems: Problem[]): never {
  throw new PlanInputError(problems.map((p) => formatProblem(path, p)));
}

/** A plan read from a file, with what the reader saw. */
export interface ReadPlan {
  plan: Plan;
  report: ReadReport;
  /** Warnings, formatted as path:line:col: rule: message. */
  warnings: string[];
}

/** Bytes of a file in any accepted format (text, .docx, PDF, HTML) → the document's lines, or why not. */
export async function bytesToDocument(bytes: Uint8Array, fileName: string): Promise<Result<SourceDocument>> {
  return readSource(bytes, fileName);
}

/** Reads and parses a plan file; throws PlanInputError on any problem. `options` come from the plan's config. */
export async function readPlanFile(path: string, options: ParseOptions = {}): Promise<ReadPlan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code;
    throw new PlanInputError([`${path}:1:1: unreadable-file: Cannot read the plan file (${why}).`]);
  }
  const doc = await bytesToDocument(bytes, path);
  if (!doc.ok) failWith(path, doc.problems);
  const parsed = parseDocument(doc.value, options);
  if (!parsed.ok) failWith(path, parsed.problems);
  return { plan: parsed.value, report: parsed.report, warnings: parsed.warnings.map((w) => formatProblem(path, w)) };
}

const LAYOUT_NAMES = {
  numbering: { continuous: 'numbered through the plan', 'per-section': 'numbered anew in each section', 'per-subsection': 'numbered anew in each subsection', irregular: 'with irregular numbering' },
} as const;

/** The reader's summary: format, layout, elements, furniture left out, warnings — to confirm at a glance. */
export function describeRead(read: ReadPlan): string[] {
  const { plan, report } = read;
  const b = report.body;
  const layout = [
    b.labelled ? 'items with 目标任务/工作措施 labels' : 'items as numbered paragraphs',
    b.subsections ? 'two levels (一、/（一）)' : b.itemLevel === 'subsection' ? 'items numbered （一）' : '',
    LAYOUT_NAMES.numbering[b.numbering],
    report.text.hardWrapped ? `hard-wrapped text joined (lines of ${report.text.width} characters)` : '',
  ].filter(Boolean);
  const removed = new Map<string, number>();
  for (const f of report.removed) removed.set(f.kind, (removed.get(f.kind) ?? 0) + 1);
  const units = plan.items.filter((i) => i.responsible).length;
  return [
    `read as ${report.format}${report.encoding ? ` (${report.encoding})` : ''}: ${layout.join(', ')}`,
    `found: ${report.elements.join(', ')}${plan.notice?.docNumber ? ` (${plan.notice.docNumber})` : ''}; ${plan.sections.length} sections, ${plan.items.length} items (${units} with 责任单位)`,
    `left out as page furniture: ${removed.size ? [...removed].map(([k, n]) => `${n} ${k}`).join(', ') : 'nothing'}`,
    `warnings: ${read.warnings.length}`,
    ...read.warnings.map((w) => `  ${w}`),
  ];
}
