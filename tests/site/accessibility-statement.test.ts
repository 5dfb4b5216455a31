/**
 * The 无障碍声明 (/accessibility/) in the built site: linked from the footer of every page, the same navigation on
 * every page of a plan, only test files that exist (each naming a test that is in it), and a contact exactly when
 * site.json gives one: none in this build, one in a copy of the project given a site.json (built by Astro alone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA } from '../../src/accessibility/conformance.ts';
import { SiteConfigSchema } from '../../src/config/site-config.ts';
import { copyProject, run } from '../../src/tooling/project-copy.ts';
import { BASE, builtArchive, currentEntry, DIST } from '../support/dist.ts';
import { htmlFiles, loadDocument } from '../support/html.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { testNames } from '../support/test-names.ts';

const STATEMENT = join(DIST, 'accessibility', 'index.html');
/** Pages proper: redirect pages (old addresses) only send the reader on and carry no footer. */
const pages = () => htmlFiles(DIST).filter((rel) => !loadDocument(join(DIST, rel)).querySelector('meta[http-equiv="refresh"]'));

describe('the 无障碍声明', () => {
  it('links the statement from the footer of every page', () => {
    const all = pages();
    expect(all.length).toBeGreaterThan(50);
    const missing = all.filter((rel) => !loadDocument(join(DIST, rel)).querySelector(`footer a[href="${BASE}accessibility/"]`));
    expect(missing).toEqual([]);
    expect(loadDocument(STATEMENT).querySelector('h1')?.textContent).toBe('无障碍声明');
  });

  it('gives every page of a plan the same navigation, and every page of the archive its own, with at most one link marked current', () => {
    const id = currentEntry().id;
    const navOf = (rel: string) => [...loadDocument(join(DIST, rel)).querySelectorAll('nav[aria-label="主导航"] a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`).join(' | ');
    const all = pages();
    const plan = all.filter((rel) => rel.startsWith(`${id}/`));
    const ids = builtArchive().map((e) => e.id);
    const archive = all.filter((rel) => !ids.some((i) => rel.startsWith(`${i}/`)));
    for (const group of [plan, archive]) {
      expect(group.length).toBeGreaterThan(1);
      const first = navOf(group[0]!);
      expect(first.split(' | ').length).toBeGreaterThanOrEqual(3);
      expect(group.filter((rel) => navOf(rel) !== first)).toEqual([]);
    }
    const current = (rel: string) => loadDocument(join(DIST, rel)).querySelectorAll('nav[aria-label="主导航"] a[aria-current="page"]').length;
    expect(all.filter((rel) => current(rel) > 1)).toEqual([]);
    expect(current(`${id}/index.html`)).toBe(1);
  });

  it('lists only test files that exist, each check naming a test that is in its file', () => {
    const listed = [...loadDocument(STATEMENT).querySelectorAll('code[data-test-file]')].map((c) => c.textContent!);
    expect(new Set(listed)).toEqual(new Set(CRITERIA.flatMap((c) => c.checks.map((k) => k.file))));
    for (const file of nonEmpty([...new Set(listed)], 'test files the statement lists')) expect(existsSync(file), file).toBe(true);
    // A check names a test by words of its title (read from the file's syntax tree), not by any text of the file.
    for (const c of CRITERIA) {
      for (const check of c.checks) expect(testNames(check.file).some((title) => title.includes(check.test)), `${c.sc}: a test titled “…${check.test}…” in ${check.file}`).toBe(true);
    }
  });

  it('has one row per indicator, each with its status, and says 人工检查 where no test checks a met indicator', () => {
    const rows = [...loadDocument(STATEMENT).querySelectorAll('tr[data-sc]')];
    expect(rows.map((r) => r.getAttribute('data-sc'))).toEqual(CRITERIA.map((c) => c.sc));
    nonEmpty(rows, 'indicator rows');
    rows.forEach((row, i) => {
      const c = CRITERIA[i]!;
      expect(row.querySelector('[data-status]')?.textContent).toBe(c.status);
      expect(row.textContent!.includes('人工检查'), c.sc).toBe(c.checks.length === 0 && c.status !== '不适用');
    });
  });

  it('says plainly that no contact is set when site.json gives none', () => {
    // This build is the seed's, whose seeds/ holds no site.json: no contact (the site with one is built below).
    const record = SiteConfigSchema.parse(JSON.parse(readFileSync('content/site/site.json', 'utf8')));
    expect(record.accessibilityContact, 'the default build names no accessibility contact').toBeUndefined();
    const page = loadDocument(STATEMENT);
    expect(page.querySelector('[data-no-contact]')?.textContent).toBe('本站尚未公布处理无障碍问题的联系方式。');
    expect(page.querySelectorAll('main a[href^="mailto:"], main a[href^="tel:"]')).toHaveLength(0);
  });
});

describe('a site whose site.json names a contact', () => {
  let dir: string;
  let firstRun: { status: number | null; stderr: string };
  let secondRun: { status: number | null; stderr: string };
  beforeAll(() => {
    dir = copyProject();
    // Without site.json (a copy of seeds/ may hold one: remove it), then with one.
    run(dir, 'rm', ['-f', 'seeds/site.json']);
    firstRun = run(dir, 'node', ['scripts/build-content.ts']);
    writeFileSync(
      join(dir, 'seeds', 'site.json'),
      JSON.stringify({ accessibilityContact: { name: '测试厅办公室', phone: '0731-1234 5678转801', email: 'a11y@example.gov.cn', url: 'https://example.gov.cn/liuyan/' } }),
    );
    secondRun = run(dir, 'node', ['scripts/build-content.ts']);
    const build = run(dir, 'astro', ['build']);
    expect(build.status, build.stderr).toBe(0);
  });

  it('warns once without site.json, naming the file and the key to add, and not at all with it', () => {
    expect(firstRun.status).toBe(0);
    const warnings = firstRun.stderr.split('\n').filter((l) => l.includes('no-accessibility-contact'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: seeds\/site\.json:1:1: no-accessibility-contact: .*"accessibilityContact"/u);
    expect(secondRun.status).toBe(0);
    expect(secondRun.stderr).toBe('');
  });

  it('shows the contact on the statement, with links to call, write and leave a message', () => {
    const page = loadDocument(join(dir, 'dist', 'accessibility', 'index.html'));
    expect(page.querySelector('[data-no-contact]')).toBeNull();
    const contact = page.querySelector('#contact')!.parentElement!.textContent!;
    expect(contact).toContain('请告诉测试厅办公室');
    expect(page.querySelector('a[href="tel:073112345678"]')?.textContent).toBe('0731-1234 5678转801');
    // The number is not broken across lines (Tailwind's whitespace-nowrap; html-validate's tel-non-breaking).
    expect(page.querySelector('a[href="tel:073112345678"]')?.classList.contains('whitespace-nowrap')).toBe(true);
    expect(page.querySelector('a[href="mailto:a11y@example.gov.cn"]')?.textContent).toBe('a11y@example.gov.cn');
    expect(page.querySelector('a[href="https://example.gov.cn/liuyan/"]')).not.toBeNull();
  });

  it('gives a statement with a contact that html-validate passes, as every page without one', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
    const report = await validator.validateString(readFileSync(join(dir, 'dist', 'accessibility', 'index.html'), 'utf8'), 'accessibility/index.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
