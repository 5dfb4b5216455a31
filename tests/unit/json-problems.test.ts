/**
 * One parser for the project's hand-written JSON (plan.json, site.json, editorial notes): every problem located at
 * the line and column of what it is about, worded as "<key path> <what to write>".
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, locateKey, parseJson, readJson } from '../../src/config/json-problems.ts';

const Schema = z.strictObject({
  name: z.string({ error: 'must be text' }),
  list: z.array(z.strictObject({ n: z.int({ error: 'must be a whole number' }) })).optional(),
  inner: z.strictObject({ a: z.string().optional(), b: z.string().optional() }).optional(),
});

describe('readJson', () => {
  it('returns the value when the text is JSON and fits the schema', () => {
    expect(readJson(Schema, '\uFEFF{"name": "x", "list": [{"n": 1}]}')).toEqual({ ok: true, value: { name: 'x', list: [{ n: 1 }] } });
  });

  it('puts each schema problem at its key, an array entry at its index, a missing key at the object that lacks it', () => {
    const text = ['{', '  "list": [', '    {"n": 1},', '    {"n": "two"}', '  ],', '  "inner": {"a": "", "c": 1}', '}'].join('\n');
    const r = readJson(Schema, text);
    expect(r.ok).toBe(false);
    const found = r.ok ? [] : r.problems.map((p) => [`${p.at.line}:${p.at.column}`, p.kind, p.message]);
    expect(found).toEqual([
      ['1:1', 'schema', 'name must be text'],
      ['4:6', 'schema', 'list.1.n must be a whole number'],
      ['6:22', 'schema', 'inner: unknown key “c”. Check the spelling; the keys are a, b.'],
    ]);
  });

  it('puts a syntax error where the parser stopped, and leaves comments and trailing commas refused', () => {
    for (const [text, at] of [
      ['{\n  "name": "x",\n}', { line: 3, column: 1 }],
      ['{\n  // note\n  "name": "x"\n}', { line: 2, column: 3 }],
    ] as const) {
      const r = parseJson(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problem).toMatchObject({ kind: 'syntax', at, key: [] });
      expect(!r.ok && r.problem.message).toMatch(/^is not valid JSON \(.+\)\. Check commas and quotes there\.$/u);
    }
  });

  it('counts columns in code points, after a BOM', () => {
    expect(locateKey('\uFEFF{"名称": "𠀀", "name": 1}', ['name'])).toEqual({ line: 1, column: 13 });
  });

  it('lists the keys of the object a misspelt key stands in, at any depth', () => {
    const r = Schema.safeParse({ name: 'x', nam: 1 });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => describeIssue(i, Schema))).toEqual(['unknown key “nam”. Check the spelling; the keys are name, list, inner.']);
  });
});
