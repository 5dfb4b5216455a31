/**
 * site.json, the archive's own settings: a contact needs an office and a way to reach it; every mistake is named
 * by its key, with what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/config/site-config.ts';

const problems = (text: string) => {
  const r = parseSiteConfig(text);
  return r.ok ? [] : r.problems.map((p) => p.message);
};
const places = (text: string) => {
  const r = parseSiteConfig(text);
  return r.ok ? [] : r.problems.map((p) => `${p.at.line}:${p.at.column}`);
};

describe('parseSiteConfig', () => {
  it('takes a contact with an office and any of phone, e-mail, web page and address, and drops the comment', () => {
    const contact = { name: '某某厅办公室', phone: '0731-12345678转801', email: 'a11y@example.gov.cn', url: 'https://example.gov.cn/liuyan/', address: '长沙市某路 1 号' };
    expect(parseSiteConfig(JSON.stringify({ $comment: '站点设置', accessibilityContact: contact }))).toEqual({ ok: true, value: { accessibilityContact: contact } });
    expect(parseSiteConfig('\uFEFF{}')).toEqual({ ok: true, value: {} });
  });

  it('asks for a way to reach the office when the contact gives only its name', () => {
    expect(problems('{"accessibilityContact": {"name": "某某厅办公室"}}')).toEqual(['accessibilityContact needs at least one way to reach the office: email, phone, url or address']);
  });

  it('names each bad field by its key', () => {
    expect(problems('{"accessibilityContact": {"name": " ", "email": "not-an-address", "phone": "call us", "url": "ftp://x.cn/"}}')).toEqual([
      'accessibilityContact.name must name the office that handles reports',
      'accessibilityContact.email must be an e-mail address, e.g. office@example.gov.cn',
      'accessibilityContact.phone must be a telephone number: digits, spaces, + ( ) - and 转 only, e.g. 0731-12345678',
      'accessibilityContact.url must be an http or https URL',
    ]);
  });

  it('lists the known keys for a misspelt one, at the top and inside the contact', () => {
    expect(problems('{"contact": {}}')).toEqual(['unknown key “contact”. Check the spelling; the keys are $comment, accessibilityContact.']);
    expect(problems('{"accessibilityContact": {"name": "办公室", "tel": "1"}}')).toEqual([
      'accessibilityContact: unknown key “tel”. Check the spelling; the keys are name, email, phone, url, address.',
      // The misspelt key leaves no way to reach the office, which is worth saying too.
      'accessibilityContact needs at least one way to reach the office: email, phone, url or address',
    ]);
  });

  it('reports text that is not JSON', () => {
    expect(problems('{"accessibilityContact": ')[0]).toMatch(/^is not valid JSON \(.+\)\. Check commas and quotes there\.$/u);
    expect(problems('[]')).toEqual(['must be a JSON object']);
  });

  it('locates each problem in the file: a bad value at its key, a misspelt key at itself, a syntax error where it stops', () => {
    const file = ['{', '  "accessibilityContact": {', '    "name": "办公室",', '    "tel": "1",', '    "email": "nobody"', '  }', '}'].join('\n');
    // The bad e-mail at its key, the misspelt key at itself (not at the contact that holds it).
    expect(problems(file)).toEqual([expect.stringMatching(/^accessibilityContact\.email /u), expect.stringMatching(/^accessibilityContact: unknown key “tel”/u)]);
    expect(places(file)).toEqual(['5:5', '4:5']);
    // A missing way to reach the office is said at the contact that lacks it.
    expect(places('{\n  "accessibilityContact": {"name": "办公室"}\n}')).toEqual(['2:3']);
    expect(places('{\n  "accessibilityContact": {\n    "name": "办公室",,\n')).toEqual(['3:19']);
    // A BOM is no column of its own.
    expect(places('\uFEFF{"contact": 1}')).toEqual(['1:2']);
  });
});
