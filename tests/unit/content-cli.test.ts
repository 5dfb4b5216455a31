/**
 * `npm run content`: located problems and exit 1 on bad input with nothing written; byte-identical reruns;
 * stale generated files removed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Node 22 from node_modules runs the TypeScript scripts directly (type stripping), as npm scripts do.
const node = join('node_modules', '.bin', 'node');

function content(...args: string[]) {
  const run = spawnSync(node, ['scripts/build-content.ts', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('npm run content', () => {
  it('writes one MDX page per item plus the data, byte-identical on a rerun', () => {
    const first = content();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/33 items, 8 sections, 28 offices/u);
    const before = snapshot('content');
    const second = content();
    expect(second.stdout).toMatch(/0 written, 35 unchanged, 0 removed/u);
    expect(snapshot('content')).toEqual(before);
    expect(Object.keys(before).filter((p) => p.startsWith('content/plans/2020/items/'))).toHaveLength(33);
    expect(readFileSync('content/plans/2020/items/01.mdx', 'utf8').split('\n')[1]).toMatch(/^# Generated from .* Do not edit/u);
  });

  it('removes a stale generated file', () => {
    writeFileSync('content/plans/2020/items/99.mdx', 'stale');
    const run = content();
    expect(run.stdout).toMatch(/1 removed/u);
    expect(existsSync('content/plans/2020/items/99.mdx')).toBe(false);
  });

  it('prints every problem as path:line:col: rule-id: message, exits 1, shows no stack trace and writes nothing', () => {
    const before = snapshot('content');
    const run = content('tests/fixtures/error-unexpected-text/input.txt');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatchInlineSnapshot(`
      "tests/fixtures/error-unexpected-text/input.txt:37:1: unexpected-text: Line 37 (“一段多余的文字。”) follows the 责任单位 of item 2., which ends that item, and comes before the next item.
      1 problem; nothing was written.
      "
    `);
    expect(snapshot('content')).toEqual(before);
  });

  it('explains a missing file without a stack trace', () => {
    const run = content('no/such/plan.txt');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "no/such/plan.txt:1:1: unreadable-file: Cannot read the plan file (no such file).
      1 problem; nothing was written.
      "
    `);
  });

  it('rejects a binary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0xff, 0x00]));
    const run = content(file);
    expect(run.status).toBe(1);
    // It starts like a PDF but is not one: refused as a damaged PDF, not read as text.
    expect(run.stderr).toContain(`${file}:1:1: pdf-damaged:`);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('stops on a broken site.json beside the plan folders, naming the key, and writes nothing', () => {
    const plans = mkdtempSync(join(tmpdir(), 'plans-'));
    cpSync('seeds/2020', join(plans, '2020'), { recursive: true });
    writeFileSync(join(plans, 'site.json'), JSON.stringify({ accessibilityContact: { name: '办公室', email: 'nobody' } }));
    const before = snapshot('content');
    const run = spawnSync(node, ['scripts/build-content.ts'], { encoding: 'utf8', env: { ...process.env, PLANS_DIR: plans } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${join(plans, 'site.json')}:1:1: site-config-invalid: accessibilityContact.email must be an e-mail address, e.g. office@example.gov.cn\n1 problem; nothing was written.\n`,
    );
    expect(snapshot('content')).toEqual(before);
  });

  it('reads the plan file from $PLAN_FILE too', () => {
    const run = spawnSync(node, ['scripts/build-content.ts'], {
      encoding: 'utf8',
      env: { ...process.env, PLAN_FILE: 'tests/fixtures/error-empty-file/input.txt' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tests/fixtures/error-empty-file/input.txt:1:1: empty-file:');
  });
});
