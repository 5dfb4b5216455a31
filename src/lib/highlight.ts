/**
 * Example code highlighted by Shiki at build time, the same on every build.
 *
 * Why not Astro's <Code />: it shares one highlighter between pages and loads a language the first time a page
 * asks for it, while other pages render at the same time. Two builds of the same pages sometimes coloured an
 * example differently (every token of it in the comment colour of the light theme), which changed the pages'
 * bytes and the hashes of their style attributes in the CSP. Here the highlighter is made once, with every
 * language and theme loaded before any page highlights, and highlighting itself is synchronous, so nothing can
 * interleave with it. The markup stays what <Code /> gave (class astro-code, data-language, overflow-x: auto),
 * which the styles rely on. What was highlighted before is taken from a cache (see CACHE).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHighlighter, type ShikiTransformer } from 'shiki';
import { writeWhole } from './write-whole.ts';
// This module's own source, for the cache's key (see highlightCode).
import ownSource from './highlight.ts?raw';

/** The languages of the site's code examples. */
export const CODE_LANGS = ['json', 'js', 'python'] as const;
export type CodeLang = (typeof CODE_LANGS)[number];

// github-dark-default: its comments keep 4.5:1 contrast on its background (github-dark's do not).
const THEMES = { light: 'github-light', dark: 'github-dark-default' } as const;

// Oniguruma's WebAssembly engine (Shiki's default), not its JavaScript regular-expression engine: the JavaScript one
// is made in ~20 ms instead of ~150 ms, but then colours the data page's JavaScript example in ~700 ms against
// ~200 ms (measured 2026-12, Shiki 4.6; its precompiled grammars were no faster), and that page renders in every
// cold build. Made on the first example not in the cache, every language and theme at once.
let highlighter: ReturnType<typeof createHighlighter> | undefined;

/** The attributes Astro's <Code /> puts on the <pre>, kept so the styles and the CSP see the same markup. */
const astroMarkup = (lang: CodeLang): ShikiTransformer => ({
  pre(node) {
    node.properties.class = String(node.properties.class ?? '').replace(/shiki/gu, 'astro-code');
    node.properties.dataLanguage = lang;
    node.properties.style = `${String(node.properties.style ?? '')}; overflow-x: auto;`;
  },
});

/**
 * Examples highlighted by earlier builds, by a key of all they derive from: the code and its language, this module's
 * source (the themes, the options, the markup) and node_modules/.package-lock.json (npm's record of every installed
 * library's version: Shiki, its grammars and themes). Written whole (write-whole.ts). Why: a plan's data page
 * renders whenever the plan changes, and making the highlighter and its scanners for its three examples took
 * ~0.4 s of Astro's render of a 100-plan archive's rebuild, for the same examples as the build before.
 */
const CACHE = join('.build', 'highlight-cache');

let installed: string | null | undefined;

/** A digest of the installed libraries' versions, or null where npm's record cannot be read (nothing is cached then). */
function installedDigest(): string | null {
  if (installed === undefined) {
    try {
      installed = createHash('sha256').update(readFileSync(join('node_modules', '.package-lock.json'))).digest('hex');
    } catch {
      installed = null;
    }
  }
  return installed;
}

/** The code as highlighted HTML (Shiki escapes the code's text: it is never read as markup). */
export async function highlightCode(code: string, lang: CodeLang): Promise<string> {
  const text = code.replace(/(?:\r\n|\r|\n)$/u, '');
  const libraries = installedDigest();
  const file = libraries && join(CACHE, `${createHash('sha256').update(JSON.stringify([ownSource, libraries, lang, text])).digest('hex')}.html`);
  if (file) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // Not highlighted before: below.
    }
  }
  // Every language and theme loaded before anything is highlighted, and highlighting itself synchronous: nothing
  // can interleave with it.
  highlighter ??= createHighlighter({ langs: [...CODE_LANGS], themes: Object.values(THEMES) });
  const html = (await highlighter).codeToHtml(text, {
    lang,
    themes: THEMES,
    defaultColor: 'light',
    // Shiki stops colouring a line after 500 ms by default; a build on a busy machine must not colour differently.
    tokenizeTimeLimit: 0,
    transformers: [astroMarkup(lang)],
  });
  if (file) {
    mkdirSync(CACHE, { recursive: true });
    writeWhole(file, html);
  }
  return html;
}
