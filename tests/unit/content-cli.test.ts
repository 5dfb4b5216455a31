/**
 * `npm run content`: located problems and exit 1 on bad input with nothing written; byte-identical reruns;
 * stale generated files removed. Each test runs the script in a folder of its own, with a plan of its own (a
 * fixture) in its seeds/, so it neither reads the project's seeds nor writes the project's content/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';

// Node 24 from node_modules runs the TypeScript scripts directly (type stripping), as npm scripts do.
const node = resolve('node_modules', '.bin', 'node');
const script = resolve('scripts', 'build-content.ts');
/** The test's own plan: a fixture of several sections and items, copied into a plan folder seeds/demo/. */
const PLAN = 'tests/fixtures/numbering-styles/input.txt';
const parsed = parsePlan(readFileSync(PLAN, 'utf8'));
if (!parsed.ok) throw new Error(`${PLAN} must parse`);
const plan = parsed.value;

/** The folder the script runs in (its cwd): seeds/demo/plan.txt, and content/ once the script has written it. */
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-cli-'));
  mkdirSync(join(dir, 'seeds', 'demo'), { recursive: true });
  copyFileSync(PLAN, join(dir, 'seeds', 'demo', 'plan.txt'));
});

/** Runs the content step in `dir`, with no plan location from the test runner's own environment. */
function content(args: string[] = [], env: Record<string, string> = {}) {
  const { PLANS_DIR: _dir, PLAN_FILE: _file, ...rest } = process.env;
  const run = spawnSync(node, [script, ...args], { cwd: dir, encoding: 'utf8', env: { ...rest, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `sub` of `dir`, by path relative to `dir`, with its digest ({} when there is no such folder). */
function snapshot(sub: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(join(dir, sub))) return out;
  for (const entry of readdirSync(join(dir, sub), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** The content folder of the test's plan (named by its id, which the script takes from the plan's title). */
function planDir(): string {
  const ids = readdirSync(join(dir, 'content', 'plans'));
  expect(ids).toHaveLength(1);
  return join('content', 'plans', ids[0]!);
}

describe('npm run content', () => {
  it('writes one MDX page per item plus the data, byte-identical on a rerun', () => {
    const first = content();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${plan.items.length} items, ${plan.sections.length} sections, ${plan.offices.length} offices`);
    const before = snapshot('content');
    const items = Object.keys(before).filter((p) => p.startsWith(join(planDir(), 'items', '/')));
    expect(items).toHaveLength(plan.items.length);
    const second = content();
    expect(second.stdout).toContain(`0 written, ${Object.keys(before).length} unchanged, 0 removed`);
    expect(snapshot('content')).toEqual(before);
    for (const item of items) expect(readFileSync(join(dir, item), 'utf8').split('\n')[1], item).toMatch(/^# Generated from .* Do not edit/u);
  });

  it('removes a stale generated file', () => {
    expect(content().status).toBe(0);
    const stale = join(dir, planDir(), 'items', '99.mdx');
    writeFileSync(stale, 'stale');
    const run = content();
    expect(run.stdout).toMatch(/1 removed/u);
    expect(existsSync(stale)).toBe(false);
  });

  it('prints every problem as path:line:col: rule-id: message, exits 1, shows no stack trace and writes nothing', () => {
    copyFileSync('tests/fixtures/error-unexpected-text/input.txt', join(dir, 'unexpected-text.txt'));
    const run = content(['unexpected-text.txt']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "unexpected-text.txt:37:1: unexpected-text: Line 37 (“一段多余的文字。”) follows the 责任单位 of item 2., which ends that item, and comes before the next item.
      1 problem; nothing was written.
      "
    `);
    expect(snapshot('content')).toEqual({});
  });

  it('explains a missing file without a stack trace', () => {
    const run = content(['no/such/plan.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "no/such/plan.txt:1:1: unreadable-file: Cannot read the plan file (no such file).
      1 problem; nothing was written.
      "
    `);
    expect(snapshot('content')).toEqual({});
  });

  it('rejects a binary file', () => {
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0xff, 0x00]));
    const run = content([file]);
    expect(run.status).toBe(1);
    // It starts like a PDF but is not one: refused as a damaged PDF, not read as text.
    expect(run.stderr).toContain(`${file}:1:1: pdf-damaged:`);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
    expect(snapshot('content')).toEqual({});
  });

  it('stops on a broken site.json beside the plan folders, naming the key, and writes nothing', () => {
    writeFileSync(join(dir, 'seeds', 'site.json'), JSON.stringify({ accessibilityContact: { name: '办公室', email: 'nobody' } }));
    const run = content();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'seeds/site.json:1:39: site-config-invalid: accessibilityContact.email must be an e-mail address, e.g. office@example.gov.cn\n1 problem; nothing was written.\n',
    );
    expect(snapshot('content')).toEqual({});
  });

  it('reads the plan folders from $PLANS_DIR, and the plan file from $PLAN_FILE', () => {
    // seeds/ is broken (its site.json), the folder $PLANS_DIR names is not: the run succeeds only if it reads the latter.
    writeFileSync(join(dir, 'seeds', 'site.json'), '{"accessibilityContact":{"name":"办公室","email":"nobody"}}');
    mkdirSync(join(dir, 'elsewhere', 'other'), { recursive: true });
    copyFileSync(PLAN, join(dir, 'elsewhere', 'other', 'plan.txt'));
    const fromEnv = content([], { PLANS_DIR: 'elsewhere' });
    expect(fromEnv.status, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).toContain('elsewhere/other/plan.txt →');
    expect(Object.keys(snapshot(planDir())).filter((p) => p.endsWith('.mdx'))).toHaveLength(plan.items.length);
    rmSync(join(dir, 'content'), { recursive: true });
    copyFileSync('tests/fixtures/error-empty-file/input.txt', join(dir, 'empty.txt'));
    const run = content([], { PLAN_FILE: 'empty.txt' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('empty.txt:1:1: empty-file:');
    expect(snapshot('content')).toEqual({});
  });
});
