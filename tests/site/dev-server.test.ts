/**
 * `npm run dev` on a project copy: an edit to a plan's text shows in the served page while the dev server runs;
 * an edit that breaks the plan prints its located problem and the page keeps the last good text. The seconds an
 * edit took to show are printed, never asserted (the machine's load decides them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, run } from '../../src/tooling/project-copy.ts';
import { currentEntry } from '../support/dist.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SEED_DIR, SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

// The seed's own text, read here rather than quoted: a run of an item's text that the file holds once, and an
// edit of it (in the copy only); and the next item's number as printed, to be given the edited item's number.
const seedPlan = (() => {
  const result = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
  if (!result.ok) throw new Error(`the seed ${SEED_FILE} does not parse`);
  return result.value;
})();
const seedText = readFileSync(SEED_FILE, 'utf8');
const EDITED = seedPlan.items[3] ?? seedPlan.items[0]!;
const NEXT = seedPlan.items[seedPlan.items.indexOf(EDITED) + 1];
if (!NEXT) throw new Error('the seed needs two items or more for this test');
const OLD_TEXT = (() => {
  // From the item's last paragraph backwards: the text of its body, away from the headline and the description.
  for (const paragraph of EDITED.fields.flatMap((f) => f.paragraphs).reverse()) {
    const chars = [...paragraph];
    for (let i = chars.length - 12; i >= 0; i--) {
      const run = chars.slice(i, i + 12).join('');
      if (/^\p{Script=Han}+$/u.test(run) && seedText.split(run).length === 2) return run;
    }
  }
  throw new Error(`no run of 12 Chinese characters of item ${EDITED.id} stands once in the seed`);
})();
const NEW_TEXT = `${[...OLD_TEXT].slice(0, -2).join('')}（已编辑）`;
// The same item number twice: the reader refuses the plan.
const head = (i: typeof NEXT) => `${i.source.numberText}${[...i.title].slice(0, 4).join('')}`;
const GOOD_NUMBER = `\n${head(NEXT)}`;
const BAD_NUMBER = `\n${EDITED.source.numberText}${[...NEXT.title].slice(0, 4).join('')}`;

let dir: string;
let plansDir: string;
let sourceFile: string;
let server: ChildProcess;
let output = '';
let url: string;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The served page's text, or '' while the server cannot answer. */
async function page(path: string): Promise<string> {
  try {
    const response = await fetch(url + path);
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

/** Polls until `check` holds (seconds taken), or fails after `seconds`. */
async function until(what: string, check: () => Promise<boolean> | boolean, seconds = 90): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if (await check()) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`dev server: ${what} did not happen within ${seconds} s. Output:\n${output}`);
}

const itemPath = () => `${currentEntry(join(dir, 'content')).id}/items/${EDITED.id}/`;

beforeAll(async () => {
  dir = copyProject();
  plansDir = mkdtempSync(join(tmpdir(), 'dev-plans-'));
  cpSync(SEED_DIR, join(plansDir, 'seed'), { recursive: true });
  const folder = join(plansDir, 'seed');
  sourceFile = join(folder, readdirSync(folder).find((f) => f.endsWith('.txt'))!);
  // The copy's plan.json pins the source file's SHA-256, which an edit changes: drop the pin, as an editor of a
  // draft would.
  const config = JSON.parse(readFileSync(join(folder, 'plan.json'), 'utf8')) as { source: { sha256?: string } };
  delete config.source.sha256;
  writeFileSync(join(folder, 'plan.json'), JSON.stringify(config, null, 2));
  const content = run(dir, 'node', ['scripts/build-content.ts'], { PLANS_DIR: plansDir });
  expect(content.status, content.stderr).toBe(0);
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = spawn(resolve('node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST.*|VITE_.*)$/u.test(k))), PLANS_DIR: plansDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const seconds = await until('the first page', async () => (await page(itemPath())).includes(OLD_TEXT), 180);
  console.log(`dev server: first page served after ${seconds.toFixed(1)} s`);
}, 240_000);

afterAll(() => {
  // The dev server and everything it started (its process group).
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('npm run dev', () => {
  it('shows an edit to the plan text in the served page', async () => {
    writeFileSync(sourceFile, readFileSync(sourceFile, 'utf8').replace(OLD_TEXT, NEW_TEXT));
    const seconds = await until('the edit', async () => (await page(itemPath())).includes(NEW_TEXT));
    console.log(`dev server: the edit showed after ${seconds.toFixed(1)} s`);
    expect(await page(itemPath())).not.toContain(OLD_TEXT);
  }, 120_000);

  it('shows an edit to the plan’s plan.json in the pages that read it', async () => {
    const configFile = join(plansDir, 'seed', 'plan.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as { status?: string };
    expect(config.status).toBe('现行有效');
    expect(await page('')).not.toContain('已失效');
    writeFileSync(configFile, JSON.stringify({ ...config, status: '已失效' }, null, 2));
    const seconds = await until('the config edit', async () => (await page('')).includes('已失效'));
    console.log(`dev server: the plan.json edit showed after ${seconds.toFixed(1)} s`);
  }, 120_000);

  it('prints the located problem of a bad edit and keeps serving the last good text', async () => {
    const text = readFileSync(sourceFile, 'utf8');
    expect(text).toContain(GOOD_NUMBER);
    const before = output.length;
    writeFileSync(sourceFile, text.replace(GOOD_NUMBER, BAD_NUMBER));
    await until('the problem report', () => output.slice(before).includes('keeps its last good content'));
    const printed = output.slice(before);
    // path:line:col: rule-id: message, for the file that was edited.
    const located = new RegExp(`${sourceFile.replaceAll('/', '\\/')}:\\d+:\\d+: [a-z][a-z0-9-]*: \\S.*`, 'u');
    expect(printed).toMatch(located);
    console.log(`dev server printed: ${located.exec(printed)![0]}`);
    expect(printed).not.toMatch(/\n\s+at /u);
    expect(await page(itemPath())).toContain(NEW_TEXT);
  }, 120_000);
});
