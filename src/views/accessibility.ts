/**
 * What the 无障碍声明 (/accessibility/) shows: the indicators by level with the tests that check them, and the
 * ways to reach whoever handles reports. Pure: the page and its components render what this returns.
 */
import { CRITERIA, LEVEL_NAMES, type Criterion, type Level, type Status } from '../accessibility/conformance.ts';
import type { SiteConfig } from '../config/site-config.ts';

/** One indicator's row: `tests` are the files that check it, 'manual' where none does, absent where it does not apply. */
export interface ConformanceRow {
  sc: string;
  name: string;
  status: Status;
  how: string;
  tests?: string[] | 'manual';
}

/** The table of one level's indicators. */
export interface ConformanceTable {
  level: Level;
  caption: string;
  rows: ConformanceRow[];
}

/** The levels the statement lists, in order, with their captions; AAA only for what 关怀模式 reaches. */
const CAPTIONS: Record<Level, string> = {
  A: `${LEVEL_NAMES.A}指标（WCAG A 级）`,
  AA: `${LEVEL_NAMES.AA}指标（WCAG AA 级）`,
  AAA: `关怀模式中达到的${LEVEL_NAMES.AAA}指标（WCAG AAA 级）`,
};

/** A criterion as a row: each test file named once, in the order its checks are listed. */
export function conformanceRow(c: Criterion): ConformanceRow {
  const tests = c.checks.length > 0 ? [...new Set(c.checks.map((k) => k.file))] : c.status !== '不适用' ? ('manual' as const) : undefined;
  return { sc: c.sc, name: c.name, status: c.status, how: c.how, ...(tests ? { tests } : {}) };
}

/** The statement's tables, one per level (A, AA, AAA), each with its criteria in the order they are listed. */
export function conformanceTables(criteria: Criterion[] = CRITERIA): ConformanceTable[] {
  return (['A', 'AA', 'AAA'] as const).map((level) => ({
    level,
    caption: CAPTIONS[level],
    rows: criteria.filter((c) => c.level === level).map(conformanceRow),
  }));
}

/** One way to reach the contact: what it is, its text, and a link where it can be followed. */
export interface ContactLine {
  term: string;
  text: string;
  href?: string;
}

/**
 * The number to dial for a telephone number as printed: the part before 转 (the extension), digits and + only.
 * @example telHref('0731-1234 5678转801') // 'tel:073112345678'
 */
export function telHref(phone: string): string {
  return `tel:${phone.split('转')[0]!.replace(/[^0-9+]/gu, '')}`;
}

/** The contact's ways to be reached, in the order the statement lists them (电话, 电子邮件, 网上留言, 地址). */
export function contactLines(contact: NonNullable<SiteConfig['accessibilityContact']>): ContactLine[] {
  return [
    contact.phone && { term: '电话', text: contact.phone, href: telHref(contact.phone) },
    contact.email && { term: '电子邮件', text: contact.email, href: `mailto:${contact.email}` },
    contact.url && { term: '网上留言', text: contact.url, href: contact.url },
    contact.address && { term: '地址', text: contact.address },
  ].filter((l): l is ContactLine => Boolean(l));
}
