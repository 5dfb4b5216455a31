/**
 * The schema.org graph and Dublin Core tags pages carry, from plans read by the parser: one with a 发文字号,
 * one without a covering notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planOutputs } from '../../src/contract/outputs.ts';
import { documentFacts } from '../../src/document/document-facts.ts';
import { documentFactsOf, dublinCore, jsonLd, mediaTypeOf, openDataset, planDocument } from '../../src/lib/structured-data.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';

function view(fixture: string) {
  const parsed = parsePlan(readFileSync(`tests/fixtures/${fixture}/input.txt`, 'utf8'));
  if (!parsed.ok) throw new Error(`${fixture} must parse`);
  return { id: '2020', plan: parsed.value, document: documentFacts(parsed.value), status: '现行有效' as const, source: { url: 'https://www.example.gov.cn/x.html' } };
}
const site = (path: string) => new URL(path, 'https://x.gov.cn').href;

describe('structured data', () => {
  it('gives a plan with a 发文字号 its identifier, the signing bodies as authors, its 成文日期 and where the original was published', () => {
    const doc = planDocument(documentFactsOf(view('doc-number-and-signer'), site), ['https://x.gov.cn/2020/items/1/']);
    expect(doc).toMatchObject({
      '@type': 'Legislation',
      '@id': 'https://x.gov.cn/2020/#document',
      url: 'https://x.gov.cn/2020/',
      legislationIdentifier: '湘教发〔2020〕8号',
      identifier: '湘教发〔2020〕8号',
      legislationType: '工作要点',
      legislationDate: '2020-03-06',
      datePublished: '2020-03-06',
      legislationLegalForce: 'https://schema.org/InForce',
      isBasedOn: 'https://www.example.gov.cn/x.html',
      hasPart: [{ '@id': 'https://x.gov.cn/2020/items/1/#item' }],
    });
    expect((doc.author as { name: string }[]).map((a) => a.name)).toEqual(['湖南省教育厅', '中共湖南省委教育工作委员会']);
    expect(dublinCore(documentFactsOf(view('doc-number-and-signer'), site))).toContainEqual({ name: 'DC.identifier', content: '湘教发〔2020〕8号' });
  });

  it('claims no identifier or date for a plan without a notice, and names the issuers of its title', () => {
    const facts = documentFactsOf({ ...view('no-notice'), status: '已失效' }, site);
    const doc = planDocument(facts);
    expect(doc.legislationIdentifier).toBeUndefined();
    expect(doc.datePublished).toBeUndefined();
    expect(doc.hasPart).toBeUndefined();
    expect(doc.legislationLegalForce).toBe('https://schema.org/NotInForce');
    expect(dublinCore(facts).map((m) => m.name)).toEqual(['DC.title', 'DC.creator', 'DC.type', 'DC.language']);
  });

  it('lists every output of a plan as a distribution, with its media type', () => {
    const outputs = planOutputs({ id: '2020', downloadStem: 'p' });
    const dataset = openDataset({ url: 'https://x.gov.cn/2020/', title: 'T' }, { url: 'https://x.gov.cn/2020/data/', description: 'd', year: 2020 }, outputs, (o) => `https://x.gov.cn/${o.path}`);
    const files = dataset.distribution as { name: string; contentUrl: string; encodingFormat: string }[];
    expect(files.map((f) => f.contentUrl)).toEqual(outputs.map((o) => `https://x.gov.cn/${o.path}`));
    expect(files.find((f) => f.name === 'plan.schema.json')?.encodingFormat).toBe('application/schema+json');
    expect(['p.pdf', 'a.zip', 'items.csv', 'plan.json'].map(mediaTypeOf)).toEqual(['application/pdf', 'application/zip', 'text/csv', 'application/json']);
  });

  it('keeps plan text from closing the script element, and lets a page’s node replace the layout’s of the same id', () => {
    const text = jsonLd([{ '@type': 'Legislation', '@id': 'a', name: 'old' }], [{ '@type': 'Legislation', '@id': 'a', name: '</script><b>' }]);
    expect(text).not.toContain('<');
    const parsed = JSON.parse(text) as { '@graph': { name: string }[] };
    expect(parsed['@graph'].map((n) => n.name)).toEqual(['</script><b>']);
  });
});
