/**
 * The one list of a plan's pages (src/lib/plan-pages.ts): the paths, the header's links, the redirects' pages and the
 * sitemap's folders all come from it, and a plan has only the pages its content gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legacyFolders, navPages, pagePath, planPages, PLAN_PAGES, printQrPages } from '../../src/lib/plan-pages.ts';
import { readPlan as read } from '../support/read-plan.ts';


// A plan of our own: two headed sections, three items, 责任单位 naming two offices.
const withOffices = read(
  [
    '某市文化局2031年工作要点',
    '',
    '一、改进公共服务',
    '',
    '1.建设社区书屋。新建社区书屋20个。',
    '责任单位：公共服务处、财务处',
    '',
    '2.办好读书节。全年举办活动12场。',
    '责任单位：公共服务处',
    '',
    '二、加强队伍建设',
    '',
    '3.培训基层馆员。培训馆员300人次。',
    '责任单位：人事处',
    '',
  ].join('\n'),
);
const noOffices = read(readFileSync('tests/site-families/plans/no-sections-no-units.txt', 'utf8'));

describe('the list of a plan’s pages', () => {
  it('names the pages that print their address as a QR code (each gets its qr.svg): the whole text, each item, each office', () => {
    expect(printQrPages({ plan: withOffices, shortTitle: '2031年工作要点' }).map((p) => p.path)).toEqual([
      'full/',
      ...withOffices.items.map((i) => `items/${i.id}/`),
      ...withOffices.offices.map((o) => `offices/${o.slug}/`),
    ]);
    expect(printQrPages({ plan: noOffices, shortTitle: '' }).map((p) => p.path)).toEqual(['full/', ...noOffices.items.map((i) => `items/${i.id}/`)]);
  });

  it('gives every page of a plan with sections and offices, each thing’s page under its folder', () => {
    const pages = planPages({ plan: withOffices, shortTitle: '2031年工作要点' });
    const paths = pages.map((p) => p.path);
    expect(paths.slice(0, 7)).toEqual(['', 'full/', 'offices/', 'targets/', 'citations/', 'data/', 'search/']);
    expect(pages[0]!.title).toBe('2031年工作要点');
    expect(withOffices.items.length).toBe(3);
    for (const item of withOffices.items) expect(paths).toContain(`items/${item.id}/`);
    expect(paths.filter((p) => p.startsWith('sections/'))).toEqual(['sections/1/', 'sections/2/']);
    expect(withOffices.offices.length).toBeGreaterThan(0);
    for (const office of withOffices.offices) expect(pages.find((p) => p.path === `offices/${office.slug}/`)?.title).toBe(`${office.name}的工作任务`);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('leaves out the office index, office and section pages of a plan without 责任单位 or headings', () => {
    const paths = planPages({ plan: noOffices, shortTitle: 'x' }).map((p) => p.path);
    expect(paths).not.toContain('offices/');
    expect(paths.filter((p) => p.startsWith('offices/') || p.startsWith('sections/'))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('items/')).length).toBe(noOffices.items.length);
  });

  it('links in the header the pages with a nav label, the office index only where there are offices', () => {
    expect(navPages(withOffices).map((p) => p.label)).toEqual(['首页', '全文', '处室', '主要指标', '引用文件', '数据下载']);
    expect(navPages(noOffices).map((p) => p.label)).toEqual(['首页', '全文', '主要指标', '引用文件', '数据下载']);
  });

  it('marks as legacy (redirected, kept out of the sitemap) every folder but the home and the offices', () => {
    expect(legacyFolders().sort()).toEqual(['attachments', 'citations', 'data', 'full', 'items', 'search', 'sections', 'targets']);
    const legacy = planPages({ plan: withOffices, shortTitle: 'x' }).filter((p) => p.legacy);
    expect(legacy.length).toBeGreaterThan(0);
    for (const page of legacy) expect(page.path === '' || page.path.startsWith('offices/')).toBe(false);
  });

  it('builds a page’s path from its id, and refuses a folder’s page without its key', () => {
    expect(pagePath('targets')).toBe('targets/');
    expect(pagePath('item', '3-2')).toBe('items/3-2/');
    expect(() => pagePath('item')).toThrow(/needs a key/u);
    expect(new Set(PLAN_PAGES.map((k) => k.id)).size).toBe(PLAN_PAGES.length);
  });
});
