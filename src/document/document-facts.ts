/**
 * What a plan's document says about itself: who issued it, its title's parts, its 发文字号 and dates. Computed once
 * per plan from its own elements (src/lib/plans.ts) and handed to every page and component, which show these facts
 * in different words (the header, the <title>, the footer, the 发文机关 block, references, metadata) but never
 * derive them again. Pure: a Plan in, facts out.
 */
import { titleFacts, yearSpan, type TitleFacts } from '../config/plan-config.ts';
import { disclosureOf } from '../plan/document-info.ts';
import type { Plan } from '../plan/schema.ts';

/** The facts of one plan's document. */
export interface DocumentFacts {
  /** The plan's title as printed. */
  title: string;
  /** What the title states: its year or span, series, genre and the issuers it names. */
  titleParts: TitleFacts;
  /** Short name for headers and titles: the title's year or span and genre (2018—2020年行动计划), else the title. */
  shortTitle: string;
  /** The issuers as the title names them (e.g. 某某厅 某某工委), else the 发文机关标志, else ''. */
  titleIssuers: string;
  /** 发文机关标志 as printed (e.g. 某某厅文件), when a covering notice has one. */
  mark?: string;
  /** 发文机关 as the document signs: its notice's signing bodies, else its 发文机关标志; none without a notice. */
  signers: string[];
  /**
   * 主要责任者 of a reference: the signing bodies; without them the 发文机关标志 less its “文件”; without a notice
   * the issuers the title names.
   */
  authors: string[];
  /** 发文字号, when the notice has one. */
  docNumber?: string;
  /** 成文日期 as printed, when the document has a covering notice. */
  date?: string;
  /** The same date as ISO 8601. */
  isoDate?: string;
  /** 公开方式 as the 附注 states it (主动公开 …), in simplified characters. */
  disclosure?: string;
}

/**
 * The document facts of a plan.
 * @example documentFacts(plan).shortTitle // '2031年工作要点' for the title 某某厅2031年工作要点
 * @example documentFacts(plan).authors // ['某某厅', '某某工委'] for a notice signed by both
 */
export function documentFacts(plan: Plan): DocumentFacts {
  const parts = titleFacts(plan.title);
  const n = plan.notice;
  const titleIssuers = parts.issuer ?? n?.issuer ?? '';
  const signers = n ? (n.signatories.length ? n.signatories : n.issuer ? [n.issuer] : []) : [];
  const authors = n?.signatories.length ? n.signatories : n?.issuer ? [n.issuer.replace(/文件$/u, '')] : titleIssuers.split(/\s+/u).filter(Boolean);
  const disclosure = n && disclosureOf(n);
  return {
    title: plan.title,
    titleParts: parts,
    // A title whose year closes it in brackets has no genre, so no short form.
    shortTitle: parts.year && parts.genre ? `${yearSpan({ year: parts.year, yearTo: parts.yearTo })}年${parts.genre}` : plan.title,
    titleIssuers,
    ...(n?.issuer && { mark: n.issuer }),
    signers,
    authors,
    ...(n?.docNumber && { docNumber: n.docNumber }),
    ...(n && { date: n.date, isoDate: n.isoDate }),
    ...(disclosure && { disclosure }),
  };
}
