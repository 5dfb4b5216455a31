import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CODE_LANGS, highlightCode } from '../../src/lib/highlight.ts';
import { nonEmpty } from '../support/non-empty.ts';

const hostile = '{"title": "</pre><script>alert(1)</script><!-- {x} -->"}\n';

describe('highlightCode', () => {
  it('keeps the code as text: hostile markup in it stays characters, not elements', () => {
    const { document } = parseHTML(`<div>${highlightCode(hostile, 'json')}</div>`);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('pre')).toHaveLength(1);
    expect(document.querySelector('pre')!.textContent).toBe(hostile.trimEnd());
  });

  it('gives the markup the styles expect: astro-code, the language, both themes’ colours', () => {
    for (const lang of nonEmpty([...CODE_LANGS], 'languages')) {
      const { document } = parseHTML(`<div>${highlightCode('// x\nconst a = 1;', lang)}</div>`);
      const pre = document.querySelector('pre')!;
      expect(pre.classList.contains('astro-code'), lang).toBe(true);
      expect(pre.getAttribute('data-language')).toBe(lang);
      expect(pre.getAttribute('style')).toContain('--shiki-dark');
    }
  });

  it('colours the same code the same way every time, whatever was highlighted before', () => {
    const code = '{\n  "id": "2020", // note\n  "items": [1, 2]\n}';
    const first = highlightCode(code, 'json');
    for (const lang of CODE_LANGS) highlightCode('# a comment\nprint("x")', lang);
    expect(highlightCode(code, 'json')).toBe(first);
    // Tokens are coloured differently: a string and a number are not both in one colour.
    const colours = new Set([...first.matchAll(/color:(#[0-9A-Fa-f]{6})/gu)].map((m) => m[1]));
    expect(colours.size).toBeGreaterThan(1);
  });
});
