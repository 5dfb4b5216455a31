/**
 * The dev server's plan watcher: which plan a changed path belongs to, and regenerating content/ from a changed
 * folder (only that plan's files written) or keeping the last good content when the edit has problems.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanWatch } from '../../src/publish/content/plan-watch.ts';
import { SEED_DIR } from '../support/seed.ts';

const quiet = { info: () => undefined, error: () => undefined };

describe('PlanWatch.planOf', () => {
  const root = mkdtempSync(join(tmpdir(), 'plan-watch-'));
  mkdirSync(join(root, '2020'));
  writeFileSync(join(root, 'notes.txt'), '');
  const watch = new PlanWatch({ PLANS_DIR: root }, quiet);

  it('maps a file of a plan folder, or the folder itself, to that folder', () => {
    expect(watch.planOf(join(root, '2020', 'plan.txt'))).toBe(join(root, '2020'));
    expect(watch.planOf(join(root, '2020', 'plan.json'))).toBe(join(root, '2020'));
    expect(watch.planOf(join(root, '2020'))).toBe(join(root, '2020'));
  });

  it('ignores files beside the plan folders, hidden folders and paths outside', () => {
    expect(watch.planOf(join(root, 'notes.txt'))).toBeUndefined();
    expect(watch.planOf(join(root, '.git', 'index'))).toBeUndefined();
    expect(watch.planOf(root)).toBeUndefined();
    expect(watch.planOf('/etc/hosts')).toBeUndefined();
  });

  it('in PLAN_FILE mode, maps the file and its plan.json to the file', () => {
    const file = new PlanWatch({ PLAN_FILE: join(root, '2020', 'plan.txt') }, quiet);
    expect(file.planOf(join(root, '2020', 'plan.json'))).toBe(join(root, '2020', 'plan.txt'));
    expect(file.planOf(join(root, '2020', 'other.txt'))).toBeUndefined();
  });
});

describe('PlanWatch regenerating', () => {
  it('rewrites the edited plan’s content, and keeps it when a later edit has problems', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-watch-'));
    const folder = join(root, 'seed');
    cpSync(SEED_DIR, folder, { recursive: true });
    const config = JSON.parse(readFileSync(join(folder, 'plan.json'), 'utf8')) as { source: { file: string; sha256?: string } };
    delete config.source.sha256;
    writeFileSync(join(folder, 'plan.json'), JSON.stringify(config));
    const content = join(root, 'content');
    const lines: string[] = [];
    const watch = new PlanWatch({ PLANS_DIR: root }, { info: (l) => lines.push(l), error: (l) => lines.push(l) }, content);
    const source = join(folder, config.source.file);
    const text = readFileSync(source, 'utf8');
    const title = text.split('\n').find((l) => /^1[.．]/u.test(l))!;
    writeFileSync(source, text.replace(title, `${title}（改）`));
    watch.changed(source);
    await watch.settled();
    const id = readdirSync(join(content, 'plans'))[0]!;
    // The item's title is the Plan's (plan.json); its MDX holds only the marked body.
    const item = () => JSON.stringify(JSON.parse(readFileSync(join(content, 'plans', id, 'plan.json'), 'utf8')).plan.items[0].title);
    expect(item()).toContain('（改）');
    expect(lines.at(-1)).toMatch(/read again; \d+ written, 0 removed/u);
    // A second item numbered 1: the reader refuses it, the content stays as it was.
    writeFileSync(source, text.replace(title, `${title}（改）`).replace(/\n2[.．]/u, '\n1.'));
    watch.changed(source);
    await watch.settled();
    expect(lines.some((l) => l.startsWith(`${source}:`))).toBe(true);
    expect(lines.at(-1)).toMatch(/has problems; the site keeps its last good content/u);
    expect(item()).toContain('（改）');
    expect(existsSync(join(content, 'plans', id, 'plan.json'))).toBe(true);
  });
});
