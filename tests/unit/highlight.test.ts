import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CODE_LANGS, highlightCode } from '../../src/lib/highlight.ts';
import { nonEmpty } from '../support/non-empty.ts';

const hostile = '{"title": "</pre><script>alert(1)</script><!-- {x} -->"}\n';

describe('highlightCode', () => {
  it('keeps the code as text: hostile markup in it stays characters, not elements', async () => {
    const { document } = parseHTML(`<div>${await highlightCode(hostile, 'json')}</div>`);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('pre')).toHaveLength(1);
    expect(document.querySelector('pre')!.textContent).toBe(hostile.trimEnd());
  });

  it('gives the markup the styles expect: astro-code, the language, both themes’ colours', async () => {
    for (const lang of nonEmpty([...CODE_LANGS], 'languages')) {
      const { document } = parseHTML(`<div>${await highlightCode('// x\nconst a = 1;', lang)}</div>`);
      const pre = document.querySelector('pre')!;
      expect(pre.classList.contains('astro-code'), lang).toBe(true);
      expect(pre.getAttribute('data-language')).toBe(lang);
      expect(pre.getAttribute('style')).toContain('--shiki-dark');
    }
  });

  it('colours the same code the same way every time, whatever was highlighted before', async () => {
    const code = '{\n  "id": "2020", // note\n  "items": [1, 2]\n}';
    const first = await highlightCode(code, 'json');
    for (const lang of CODE_LANGS) await highlightCode('# a comment\nprint("x")', lang);
    expect(await highlightCode(code, 'json')).toBe(first);
    // Tokens are coloured differently: a string and a number are not both in one colour.
    const colours = new Set([...first.matchAll(/color:(#[0-9A-Fa-f]{6})/gu)].map((m) => m[1]));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('takes an example highlighted by an earlier build from the cache, and writes one it highlights there', async () => {
    const cache = join('.build', 'highlight-cache');
    const listed = () => new Set(existsSync(cache) ? readdirSync(cache) : []);
    const before = listed();
    const code = `const id = '${randomUUID()}';`;
    const html = await highlightCode(code, 'js');
    const added = [...listed()].filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const file = join(cache, added[0]!);
    expect(readFileSync(file, 'utf8')).toBe(html);
    // What the cache holds is what comes back, not highlighted again.
    writeFileSync(file, '<pre>from the cache</pre>');
    try {
      expect(await highlightCode(code, 'js')).toBe('<pre>from the cache</pre>');
      // Another language is another example.
      expect(await highlightCode(code, 'python')).not.toBe('<pre>from the cache</pre>');
    } finally {
      // What this test added, and nothing else: the cache is the project's.
      for (const f of listed()) if (!before.has(f)) rmSync(join(cache, f));
    }
  });
});
