/**
 * Reading a plan file from disk: bytes → decoded text → Plan, with problems formatted for the terminal.
 */
import { readFile } from 'node:fs/promises';
import { decodePlanBytes } from '../plan/decode.ts';
import { parsePlan } from '../plan/parse-plan.ts';
import { formatProblem, type Problem } from '../plan/problem.ts';
import type { Plan } from '../plan/schema.ts';

/** The seed the site is built from unless another file is given. */
export const DEFAULT_PLAN_FILE = 'seeds/hunan-education-2020-work-plan.txt';

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

/** Reads and parses a plan file; throws PlanInputError on any problem. */
export async function readPlanFile(path: string): Promise<{ plan: Plan; text: string; encoding: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code;
    throw new PlanInputError([`${path}:1:1: unreadable-file: Cannot read the plan file (${why}). Give the path of a plan text file.`]);
  }
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) failWith(path, decoded.problems);
  const parsed = parsePlan(decoded.value.text);
  if (!parsed.ok) failWith(path, parsed.problems);
  return { plan: parsed.value, text: decoded.value.text, encoding: decoded.value.encoding };
}
