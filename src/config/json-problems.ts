/**
 * The one way a hand-written JSON file of the project (a plan folder's plan.json, the archive's site.json, the
 * editorial notes) is parsed and checked against its zod schema: every problem is located at the line and column
 * of what it is about — a syntax error where the parser stopped, a wrong value at its key, a missing key at the
 * object that lacks it — and worded the same way in all three ("<key path> <what to write>").
 *
 * jsonc-parser (the parser behind VS Code's JSON support) gives every node its offset; a hand-written scanner
 * would have to get strings and escapes right again. JSON.parse still decides what is valid, so comments and
 * trailing commas stay refused and its message names the fault.
 */
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import { z } from 'zod';

/** Where in a file, 1-based; columns in code points, as editors count them. */
export interface JsonPos {
  line: number;
  column: number;
}

/** One thing wrong with a JSON file: where, which key (empty for the file itself) and what to change. */
export interface JsonProblem {
  at: JsonPos;
  /** The key path the problem is about, e.g. ['source', 'sha256']; empty for a syntax error or the whole file. */
  key: (string | number)[];
  /** What is wrong and how to fix it, starting with the key path when there is one. */
  message: string;
  /** A syntax error (the file is not JSON) or a value the schema refuses. */
  kind: 'syntax' | 'schema';
}

const BOM = /^\uFEFF/u;

/**
 * Line and column of a UTF-16 offset in `text`.
 * @example posOfOffset('{\n  "a": 1}', 4) // { line: 2, column: 3 }
 */
export function posOfOffset(text: string, offset: number): JsonPos {
  const before = [...text.slice(0, offset)];
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.filter((c) => c === '\n').length + 1, column: before.length - lastBreak };
}

/**
 * Where a key is written: the line and column of its name, or of the nearest enclosing key that is there (a
 * missing key is reported at the object that lacks it); the file's first character for the empty path.
 * @example locateKey('{\n  "year": "2020"\n}', ['year']) // { line: 2, column: 3 }
 */
export function locateKey(text: string, key: readonly (string | number)[]): JsonPos | undefined {
  // Positions are counted in the text after a BOM, which no editor shows as a column.
  const body = text.replace(BOM, '');
  const root = parseTree(body);
  if (!root) return undefined;
  for (let n = key.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, [...key.slice(0, n)]);
    if (!node) continue;
    // A property's value node has the property as parent; point at the key's opening quote.
    const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return posOfOffset(body, at);
  }
  return undefined;
}

/**
 * Parses JSON text (a leading BOM allowed); a syntax error is located where the parser found it.
 * @example parseJson('{"year": 2021}') // { ok: true, value: { year: 2021 } }
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  const body = text.replace(BOM, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const errors: ParseError[] = [];
    parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
    const at = errors[0] ? posOfOffset(body, errors[0].offset) : { line: 1, column: 1 };
    return { ok: false, problem: { at, key: [], kind: 'syntax', message: `is not valid JSON (${(error as Error).message}). Check commas and quotes there.` } };
  }
}

/** The keys an object of the schema may have at `path`, for the message about a misspelt key. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let s: z.ZodType | undefined = schema;
  const unwrap = (t: z.ZodType): z.ZodType => (t instanceof z.ZodOptional || t instanceof z.ZodNullable || t instanceof z.ZodDefault ? unwrap(t.unwrap() as z.ZodType) : t);
  for (const k of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = s.shape[String(k)] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
    if (!s) return undefined;
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

/**
 * A zod issue as “<key path> <what to do>”; a misspelt key lists the keys the object may have.
 * @example describeIssue({ code: 'unrecognized_keys', keys: ['staus'], path: [], … }, schema) // 'unknown key “staus”. Check the spelling; the keys are …'
 */
export function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, issue.path)?.join(', ');
    const keys = issue.keys.map((k) => `“${k}”`).join(', ');
    return `${path ? `${path}: ` : ''}unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}. Check the spelling${known ? `; the keys are ${known}` : ''}.`;
  }
  return path ? `${path} ${issue.message}` : issue.message;
}

/** The key path a zod issue is about, as jsonc-parser takes it: for a misspelt key, that key itself. */
export function keyOf(issue: z.core.$ZodIssue): (string | number)[] {
  const path = issue.path.map((k) => (typeof k === 'number' ? k : String(k)));
  return issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
}

/**
 * Checks a parsed value against a schema; each issue located in `text` at its key.
 * @example checkJson(z.strictObject({ a: z.number() }), '{"a": "x"}', { a: 'x' }) // { ok: false, problems: [{ at: { line: 1, column: 2 }, … }] }
 */
export function checkJson<T>(schema: z.ZodType<T>, text: string, value: unknown): { ok: true; value: T } | { ok: false; problems: JsonProblem[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const key = keyOf(issue);
      return { at: locateKey(text, key) ?? { line: 1, column: 1 }, key, kind: 'schema', message: describeIssue(issue, schema) };
    }),
  };
}

/**
 * Parses JSON text and checks it against a schema: the value, or every problem located in the text.
 * @example readJson(z.strictObject({ a: z.number() }), '{"a": 1}') // { ok: true, value: { a: 1 } }
 */
export function readJson<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; problems: JsonProblem[] } {
  const json = parseJson(text);
  return json.ok ? checkJson(schema, text, json.value) : { ok: false, problems: [json.problem] };
}
