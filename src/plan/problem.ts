/**
 * Located, actionable problems (in the manner of vfile-message): where, which rule, what is wrong, how to fix it.
 * The parser collects all of them instead of stopping at the first.
 */

/** One thing wrong with an input file. */
export interface Problem {
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column, in code points. */
  column: number;
  /** Stable kebab-case rule id, e.g. `missing-units`. */
  ruleId: string;
  /** What is wrong, and how to fix it. */
  message: string;
}

/** Result of a step that either yields a value or located problems, never both. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Builds a problem; keeps call sites short. */
export function problem(line: number, column: number, ruleId: string, message: string): Problem {
  return { line, column, ruleId, message };
}

/**
 * Formats a problem the way compilers do, so editors and CI logs can jump to it.
 * @example formatProblem('plan.txt', problem(3, 1, 'missing-units', 'Item 2 has no 责任单位.')) // 'plan.txt:3:1: missing-units: Item 2 has no 责任单位.'
 */
export function formatProblem(path: string, p: Problem): string {
  return `${path}:${p.line}:${p.column}: ${p.ruleId}: ${p.message}`;
}

/**
 * Line and column (1-based, columns in code points) of a UTF-16 index in a text.
 * @example positionOf('ab\ncd', 4) // { line: 2, column: 2 }
 */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, index));
  return { line: before.split('\n').length, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

/** Orders problems by position, then rule, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/** A short quotation of a paragraph for a message: its first 20 characters, then … */
export function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}
