/**
 * What a page says about itself to machines (search engines, reference managers, archives), from the plan's own
 * elements: schema.org JSON-LD (the document, its items as parts, the breadcrumb, the open data as a Dataset) and
 * Dublin Core meta tags. Pure: pages give the absolute URLs.
 */
import type { PLAN_STATUSES } from '../config/plan-config.ts';
import type { PlanOutput } from '../contract/outputs.ts';
import type { PlanView } from './plans.ts';
import { linksFor } from './urls.ts';

/** One node of a schema.org graph. */
export type JsonLdNode = { '@type': string; '@id'?: string } & Record<string, unknown>;

/** The facts about the document that every page of its plan states. */
export interface DocumentMetadata {
  /** The plan's home page, absolute. */
  url: string;
  title: string;
  /** The issuing bodies, in the document's order (src/document/document-facts.ts authors). */
  authors: string[];
  docNumber?: string;
  /** 成文日期, ISO 8601. */
  isoDate?: string;
  /** The document's genre as its title names it, e.g. 工作要点. */
  genre?: string;
  status: (typeof PLAN_STATUSES)[number];
  /** Where the original was published, when the plan folder says. */
  sourceUrl?: string;
  /** The language the document is printed in (zh-Hant for traditional characters); zh-CN when absent. */
  lang?: string;
}

/** The document facts of a plan, its home page made absolute by `absolute`. */
export function documentFactsOf(p: Pick<PlanView, 'id' | 'plan' | 'document' | 'status' | 'source'> & { lang?: string }, absolute: (path: string) => string): DocumentMetadata {
  const { title, authors, docNumber, isoDate } = p.document;
  const genre = p.document.titleParts.genre;
  return {
    url: absolute(linksFor(p).homeUrl()),
    title,
    authors,
    ...(docNumber && { docNumber }),
    ...(isoDate && { isoDate }),
    ...(genre && { genre }),
    status: p.status,
    ...(p.source.url && { sourceUrl: p.source.url }),
    ...(p.lang && p.lang !== 'zh-CN' && { lang: p.lang }),
  };
}

/** The document's node id: its home page, as the document rather than as a web page. */
export const documentId = (facts: Pick<DocumentMetadata, 'url'>) => `${facts.url}#document`;
/** An item's node id: its page, as a part of the document. */
export const itemId = (pageUrl: string) => `${pageUrl}#item`;

/**
 * The document as schema.org Legislation: “a legal document such as an act, decree, bill, etc. (enforceable or
 * not) or a component of a legal act (like an article)” — the nearest type for a 红头文件 and its items (there is
 * no type for a government publication as such). The 发文字号 is its legislationIdentifier, the 发文机关 pass it
 * and are its authors, the 成文日期 is its date. `parts` (absolute item page URLs) become hasPart.
 */
export function planDocument(facts: DocumentMetadata, parts: readonly string[] = []): JsonLdNode {
  const bodies = facts.authors.map((name) => ({ '@type': 'GovernmentOrganization', name }));
  return {
    '@type': 'Legislation',
    '@id': documentId(facts),
    name: facts.title,
    url: facts.url,
    inLanguage: facts.lang ?? 'zh-CN',
    ...(facts.genre && { legislationType: facts.genre }),
    ...(facts.docNumber && { legislationIdentifier: facts.docNumber, identifier: facts.docNumber }),
    // The 成文日期 is the date the document bears and goes by; the 印发日期 of a 版记 is often absent.
    ...(facts.isoDate && { legislationDate: facts.isoDate, datePublished: facts.isoDate }),
    ...(bodies.length > 0 && { author: bodies, legislationPassedBy: bodies }),
    legislationLegalForce: `https://schema.org/${facts.status === '现行有效' ? 'InForce' : 'NotInForce'}`,
    ...(facts.sourceUrl && { isBasedOn: facts.sourceUrl }),
    ...(parts.length > 0 && { hasPart: parts.map((url) => ({ '@id': itemId(url) })) }),
  };
}

/** One item of the document, a component of it (Legislation too), with its position in the plan. */
export function itemPart(facts: Pick<DocumentMetadata, 'url' | 'lang'>, pageUrl: string, name: string, position: number): JsonLdNode {
  return { '@type': 'Legislation', '@id': itemId(pageUrl), name, url: pageUrl, position, inLanguage: facts.lang ?? 'zh-CN', isPartOf: { '@id': documentId(facts) } };
}

/** A crumb with an absolute URL; the current page's has the page's own. */
export interface AbsoluteCrumb {
  label: string;
  url: string;
}

/** The breadcrumb the page shows, in order. */
export function breadcrumbList(crumbs: readonly AbsoluteCrumb[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.label, item: c.url })),
  };
}

/** The web page itself: what it presents (mainEntity) and where it sits (breadcrumb); its description is the meta tag's. */
export function webPage(page: { url: string; name: string; mainEntity?: string; breadcrumb?: JsonLdNode }): JsonLdNode {
  return {
    '@type': 'WebPage',
    '@id': page.url,
    url: page.url,
    name: page.name,
    ...(page.mainEntity && { mainEntity: { '@id': page.mainEntity } }),
    ...(page.breadcrumb && { breadcrumb: page.breadcrumb }),
  };
}

const FORMATS: [RegExp, string][] = [
  [/\.schema\.json$/u, 'application/schema+json'],
  [/\.json$/u, 'application/json'],
  [/\.csv$/u, 'text/csv'],
  [/\.pdf$/u, 'application/pdf'],
  [/\.zip$/u, 'application/zip'],
];

/** The media type of an output, from its name. */
export function mediaTypeOf(path: string): string {
  return FORMATS.find(([re]) => re.test(path))?.[1] ?? 'application/octet-stream';
}

/**
 * The open-data page as a schema.org Dataset: every output of the plan (src/contract/outputs.ts planOutputs) is
 * a distribution, at `urlOf(output)`.
 */
export function openDataset(
  facts: Pick<DocumentMetadata, 'url' | 'title' | 'lang'>,
  page: { url: string; description: string; year: number; yearTo?: number | undefined },
  outputs: readonly PlanOutput[],
  urlOf: (output: PlanOutput) => string,
): JsonLdNode {
  return {
    '@type': 'Dataset',
    '@id': `${page.url}#dataset`,
    name: `${facts.title} 开放数据`,
    description: page.description,
    url: page.url,
    inLanguage: facts.lang ?? 'zh-CN',
    // ISO 8601: a year, or a span of years as an interval (2018/2020).
    temporalCoverage: page.yearTo === undefined ? String(page.year) : `${page.year}/${page.yearTo}`,
    isBasedOn: { '@id': documentId(facts) },
    distribution: outputs.map((o) => ({
      '@type': 'DataDownload',
      name: o.path.slice(o.path.lastIndexOf('/') + 1),
      contentUrl: urlOf(o),
      encodingFormat: mediaTypeOf(o.path),
    })),
  };
}

/**
 * The graph as the text of a <script type="application/ld+json">: nodes the page gives replace the layout's of
 * the same @id. “<” is escaped, so no text of the plan can close the script element.
 */
export function jsonLd(layout: readonly JsonLdNode[], page: readonly JsonLdNode[] = []): string {
  const given = new Set(page.map((n) => n['@id']).filter(Boolean));
  const graph = [...page, ...layout.filter((n) => !n['@id'] || !given.has(n['@id']))];
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }).replace(/</gu, '\\u003c');
}

/**
 * Dublin Core (DCMI Metadata Terms, in the DC-HTML convention): the document's title, each issuing body as a
 * creator, the 成文日期, the 发文字号 as identifier, for reference managers and harvesters that read meta tags.
 */
export function dublinCore(facts: DocumentMetadata): { name: string; content: string }[] {
  return [
    { name: 'DC.title', content: facts.title },
    ...facts.authors.map((content) => ({ name: 'DC.creator', content })),
    ...(facts.isoDate ? [{ name: 'DC.date', content: facts.isoDate }] : []),
    ...(facts.docNumber ? [{ name: 'DC.identifier', content: facts.docNumber }] : []),
    ...(facts.genre ? [{ name: 'DC.type', content: facts.genre }] : []),
    { name: 'DC.language', content: facts.lang ?? 'zh-CN' },
  ];
}
