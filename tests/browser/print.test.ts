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
import { pdfText } from '../support/pdf.ts';
import { decodeQr } from '../support/qr.ts';

const site = useSite();
const dir = mkdtempSync(join(tmpdir(), 'print-'));

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
    const text = await printed('items/16/');
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
    expect(text).toContain('16.推进普通高中事业加快发展');
    expect(text).toContain('2020年全省高中阶段毛入学率达到93%');
    expect(text).toContain('责任单位：基教处');
  });

  it('an office page prints its items and no chrome', async () => {
    const text = await printed('offices/jijiaochu/');
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
    expect(text).toContain('基教处');
    expect(text).toContain('扩大普惠性学前教育资源供给');
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
    expect(styles.sections.length).toBe(8);
    expect(new Set(styles.sections)).toEqual(new Set(['page']));
    expect(new Set(styles.headings)).toEqual(new Set(['avoid']));
    expect(styles.font.split(',')[0]).toMatch(/CJK|Song|SimSun/u);
    expect(styles.chrome).toEqual(['none', 'none', 'none']);
    await page.context().close();
  });

  it('prints on item, office and whole-plan pages a QR code that reads as the page’s permanent address, written beside it, and shows neither on screen', async () => {
    const { id } = currentEntry();
    for (const path of ['items/16/', 'offices/jijiaochu/', 'full/']) {
      const permanent = `${SITE}${BASE}${id}/${path}`;
      const { page } = await site.page({ deviceScaleFactor: 2 });
      await page.goto(site.planUrl(path));
      expect(await page.locator('.print-qr').isVisible(), `${path} on screen`).toBe(false);
      await page.emulateMedia({ media: 'print' });
      const code = page.locator('.print-qr-code');
      expect(await code.count(), path).toBe(1);
      expect(decodeQr(await code.screenshot()), path).toBe(permanent);
      expect(await page.locator('.print-qr-url').innerText(), path).toBe(permanent);
      await page.context().close();
    }
  });

  it('shows the print button to readers with JavaScript, and it opens the print dialog', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl('offices/jiaoshichu/'));
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
