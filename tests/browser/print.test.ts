/**
 * Printing single pages in Chromium: the paper copy holds the official text and none of the site's chrome;
 * /full/ in print media starts each section on a new page and keeps headings with their text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { useSite } from '../support/browser.ts';
import { BASE, currentEntry, SITE } from '../support/dist.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { pdfText } from '../support/pdf.ts';
import { decodeQr, pdfQrCodes } from '../support/qr.ts';
import { planExamples } from '../support/plan-examples.ts';

const site = useSite();
const dir = mkdtempSync(join(tmpdir(), 'print-'));
/** An item with a target and an office of the built plan (not the seed's numbers). */
const entry = currentEntry();
const { plan } = entry;
const ex = planExamples(plan, entry);
const ITEM = `items/${ex.targeted.item.id}/`;
const OFFICE = `offices/${ex.office.office.slug}/`;

async function printed(path: string): Promise<string> {
  const { page } = await site.page();
  await page.goto(site.planUrl(path));
  const file = join(dir, `${path.replace(/\W+/gu, '_')}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  await page.context().close();
  return stripWhitespace(pdfText(file));
}

// Text of the site's chrome that must not reach paper.
const CHROME = ['跳到正文', '搜索', '首页', '主要指标', '数据下载', '打印本页', '上一项', '下一项', '当前位置', '站点地图', '本段链接', '¶', '引用', 'EB/OL', '关怀模式', '无障碍声明'];

describe('printing', () => {
  it('an item page prints its text and no navigation, search or buttons', async () => {
    const text = await printed(ITEM);
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
    const { item, target } = ex.targeted;
    expect(text).toContain(stripWhitespace(`${item.source.numberText}${item.title}`));
    // The words around the target as printed, and the item's 责任单位 with their label.
    const paragraph = item.fields.flatMap((f) => f.paragraphs).find((p) => p.includes(target.text))!;
    const at = paragraph.indexOf(target.text);
    expect(text).toContain(stripWhitespace(paragraph.slice(Math.max(0, at - 8), at + target.text.length)));
    const offices = nonEmpty(plan.offices.filter((o) => o.items.some((i) => i.number === item.number)), `offices of item ${item.id}`);
    if (item.source.units) expect(text).toContain(stripWhitespace(item.source.units.label));
    for (const office of offices) expect(text).toContain(stripWhitespace(office.name));
  });

  it('an office page prints its items and no chrome', async () => {
    const text = await printed(OFFICE);
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
    expect(text).toContain(stripWhitespace(ex.office.office.name));
    expect(text).toContain(stripWhitespace(ex.office.item.title));
  });

  it('/full/ starts each section on a new page, keeps headings with their text, and uses a CJK face for Chinese punctuation', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl('full/'));
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('.plan-section')].map((s) => getComputedStyle(s).breakBefore),
      headings: [...document.querySelectorAll('.item h3, .field-label')].map((h) => getComputedStyle(h).breakAfter),
      font: getComputedStyle(document.querySelector('.para')!).fontFamily,
      chrome: ['.site-header', 'footer', '.print-button'].map((s) => getComputedStyle(document.querySelector(s)!).display),
    }));
    expect(styles.sections.length).toBe(plan.sections.length);
    expect(styles.sections.length).toBeGreaterThan(0);
    expect(new Set(styles.sections)).toEqual(new Set(['page']));
    expect(new Set(styles.headings)).toEqual(new Set(['avoid']));
    expect(styles.font.split(',')[0]).toMatch(/CJK|Song|SimSun/u);
    expect(styles.chrome).toEqual(['none', 'none', 'none']);
    await page.context().close();
  });

  it('prints on item, office and whole-plan pages a QR code that reads as the page’s permanent address, written beside it, and neither shows nor fetches it on screen', async () => {
    const { id } = currentEntry();
    for (const path of [ITEM, OFFICE, 'full/']) {
      const permanent = `${SITE}${BASE}${id}/${path}`;
      const { page } = await site.page({ deviceScaleFactor: 2 });
      const images: string[] = [];
      page.on('request', (r) => r.resourceType() === 'image' && images.push(r.url()));
      await page.goto(site.planUrl(path));
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.print-qr').isVisible(), `${path} on screen`).toBe(false);
      expect(images.filter((u) => u.endsWith('/qr.svg')), `${path} on screen`).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      const code = page.locator('.print-qr-code');
      expect(await code.count(), path).toBe(1);
      // A lazy image: it comes once in view, as a browser loads it before printing (the next test prints).
      await code.scrollIntoViewIfNeeded();
      await code.evaluate((img: HTMLImageElement) => img.decode());
      expect(decodeQr(await code.screenshot()), path).toBe(permanent);
      expect(await page.locator('.print-qr-url').innerText(), path).toBe(permanent);
      await page.context().close();
    }
  });

  it('prints the QR code when the page is printed, though the screen never fetched it', async () => {
    const { id } = currentEntry();
    const { page } = await site.page();
    await page.goto(site.planUrl(ITEM));
    await page.waitForLoadState('networkidle');
    const file = join(dir, 'qr-item.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await page.context().close();
    expect(pdfQrCodes(file)).toContain(`${SITE}${BASE}${id}/${ITEM}`);
  });

  it('shows the print button to readers with JavaScript, and it opens the print dialog', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl(`offices/${ex.otherOffice.slug}/`));
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed += 1;
      };
    });
    await page.locator('[data-print-button]').click();
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    await page.context().close();
  });
});
