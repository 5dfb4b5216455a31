/**
 * The build's content step with a manifest (content-manifest.ts): a plan whose key and files are unchanged is left
 * as it is, and content/ ends the same, file for file, as a write of every plan; a file edited in place, removed, or
 * a key changed (the generator's code) makes the plan written again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveEntrySchema } from '../../src/config/archive-entry.ts';
import { DEFAULT_PLANS_DIR } from '../../src/contract/plan-inputs.ts';
import { readManifest } from '../../src/publish/content/content-manifest.ts';
import { writePlanContent } from '../../src/publish/content/plan-content.ts';
import { readPlans, type PlanSource } from '../../src/publish/content/plan-folders.ts';
import type { SiteSettings } from '../../src/publish/content/site-settings.ts';

let sources: PlanSource[];
const site: SiteSettings = { config: {}, found: false, path: 'seeds/site.json', warnings: [] } as unknown as SiteSettings;
const made: string[] = [];

beforeAll(async () => {
  sources = await readPlans({ PLANS_DIR: DEFAULT_PLANS_DIR });
  expect(sources.length).toBeGreaterThan(0);
});
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): { content: string; manifestFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'content-manifest-'));
  made.push(root);
  return { content: join(root, 'content'), manifestFile: join(root, 'cache', 'content-manifest.json') };
}

/** Every file under `dir` with its text. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}

/** The manifest as if written `ms` after its files (they are then past the racy window: content-manifest.ts). */
function ageManifest(manifestFile: string, ms = 10_000): void {
  const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
  writeFileSync(manifestFile, JSON.stringify({ ...m, at: m.at + ms }));
}

/** A time in whole seconds, which the file system keeps exactly (a file's own time has more digits than utimes sets). */
const SETTLED = new Date(Date.UTC(2026, 0, 1));

/** Replaces a file's text with another of the same length and gives it back its time: only its bytes differ. */
function editKeepingSizeAndTime(file: string): string {
  const { mtime, atime } = statSync(file);
  expect(mtime.getTime() % 1000).toBe(0);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/[一-龥]/u, (c) => (c === '的' ? '了' : '的'));
  expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  utimesSync(file, atime, mtime);
  return edited;
}

describe('the content step with a manifest', () => {
  it('writes every plan the first time, with the same content and archive as a write without one', async () => {
    const { content, manifestFile } = folder();
    const plain = folder().content;
    const without = await writePlanContent(sources, site, plain);
    const first = await writePlanContent(sources, site, content, { manifestFile, code: 'v1' });
    expect(first.written.length).toBeGreaterThan(10);
    expect(Object.keys(readManifest(manifestFile).plans)).toEqual(sources.map((s) => s.config.id));
    expect(snapshot(content)).toEqual(snapshot(plain));
    expect(JSON.stringify(first.archive)).toBe(JSON.stringify(without.archive));
  });

  it('leaves a plan whose key and files’ sizes and times are unchanged as it is: not generated or compared again', async () => {
    const { content, manifestFile } = folder();
    const first = await writePlanContent(sources, site, content, { manifestFile, code: 'v1' });
    // Every file given a time in whole seconds, and recorded with it by a second write (nothing to write).
    for (const path of Object.keys(snapshot(content))) utimesSync(join(content, path), SETTLED, SETTLED);
    expect((await writePlanContent(sources, site, content, { manifestFile, code: 'v1' })).written).toEqual([]);
    ageManifest(manifestFile);
    const item = Object.keys(snapshot(content)).find((p) => p.endsWith('.mdx'))!;
    // Bytes changed behind the manifest's back, size and time kept: what only a comparison would see.
    const edited = editKeepingSizeAndTime(join(content, item));
    const again = await writePlanContent(sources, site, content, { manifestFile, code: 'v1' });
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.unchanged).toBe(first.written.length);
    expect(readFileSync(join(content, item), 'utf8')).toBe(edited);
    expect(JSON.stringify(again.archive)).toBe(JSON.stringify(first.archive));
  });

  it('compares again a file whose time, in whole seconds, is within two seconds of the manifest: a file system keeping times to the second could hide a rewrite', async () => {
    const { content, manifestFile } = folder();
    await writePlanContent(sources, site, content, { manifestFile, code: 'v1' });
    const before = snapshot(content);
    const item = Object.keys(before).find((p) => p.endsWith('.mdx'))!;
    // Given a whole-second time just now, recorded so by a second write, as a coarse file system would keep it.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(join(content, item), now, now);
    expect((await writePlanContent(sources, site, content, { manifestFile, code: 'v1' })).written).toEqual([]);
    editKeepingSizeAndTime(join(content, item));
    const again = await writePlanContent(sources, site, content, { manifestFile, code: 'v1' });
    expect(again.written).toEqual([item]);
    expect(snapshot(content)).toEqual(before);
  });

  it('leaves a plan as it is only because its entry passed the schema unchanged: the schema adds, drops and reorders nothing', async () => {
    const { archive } = await writePlanContent(sources, site, folder().content);
    expect(archive.length).toBeGreaterThan(0);
    for (const entry of archive) expect(JSON.stringify(ArchiveEntrySchema.parse(entry))).toBe(JSON.stringify(entry));
  });

  // Each change, after a first write with the manifest (aged, so that an unchanged plan would be left as it is),
  // must make the plan's files written again as generated.
  const changes: [string, (file: string) => void, string][] = [
    ['a file edited in place', (file) => writeFileSync(file, 'edited by hand\n'), 'v1'],
    ['a file’s time changed', (file) => utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1)), 'v1'],
    ['a file removed', (file) => rmSync(file), 'v1'],
    ['the generator’s code', () => undefined, 'v2'],
  ];
  it.each(changes)('writes the plan again after %s', async (_what, change, code) => {
    const { content, manifestFile } = folder();
    await writePlanContent(sources, site, content, { manifestFile, code: 'v1' });
    ageManifest(manifestFile);
    const before = snapshot(content);
    const recorded = readManifest(manifestFile);
    const item = Object.keys(before).find((p) => p.endsWith('.mdx'))!;
    change(join(content, item));
    await writePlanContent(sources, site, content, { manifestFile, code });
    expect(snapshot(content)).toEqual(before);
    // The plan was generated again and recorded anew: its key, or its file as it now is.
    const id = sources[0]!.config.id;
    expect(readManifest(manifestFile).plans[id]).not.toEqual(recorded.plans[id]);
  });
});
