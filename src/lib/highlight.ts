/**
 * Example code highlighted by Shiki at build time, the same on every build.
 *
 * Why not Astro's <Code />: it shares one highlighter between pages and loads a language the first time a page
 * asks for it, while other pages render at the same time. Two builds of the same pages sometimes coloured an
 * example differently (every token of it in the comment colour of the light theme), which changed the pages'
 * bytes and the hashes of their style attributes in the CSP. Here the highlighter is made once, with every
 * language and theme loaded before any page highlights, and highlighting itself is synchronous, so nothing can
 * interleave with it. The markup stays what <Code /> gave (class astro-code, data-language, overflow-x: auto),
 * which the styles rely on.
 */
import { createHighlighter, type ShikiTransformer } from 'shiki';

/** The languages of the site's code examples. */
export const CODE_LANGS = ['json', 'js', 'python'] as const;
export type CodeLang = (typeof CODE_LANGS)[number];

// github-dark-default: its comments keep 4.5:1 contrast on its background (github-dark's do not).
const THEMES = { light: 'github-light', dark: 'github-dark-default' } as const;

// Oniguruma's WebAssembly engine (Shiki's default), not its JavaScript regular-expression engine: the JavaScript one
// is made in ~20 ms instead of ~150 ms, but then colours the data page's JavaScript example in ~700 ms against
// ~200 ms (measured 2026-12, Shiki 4.6; its precompiled grammars were no faster), and that page renders in every
// cold build.
const highlighter = await createHighlighter({ langs: [...CODE_LANGS], themes: Object.values(THEMES) });

/** The attributes Astro's <Code /> puts on the <pre>, kept so the styles and the CSP see the same markup. */
const astroMarkup = (lang: CodeLang): ShikiTransformer => ({
  pre(node) {
    node.properties.class = String(node.properties.class ?? '').replace(/shiki/gu, 'astro-code');
    node.properties.dataLanguage = lang;
    node.properties.style = `${String(node.properties.style ?? '')}; overflow-x: auto;`;
  },
});

/** The code as highlighted HTML (Shiki escapes the code's text: it is never read as markup). */
export function highlightCode(code: string, lang: CodeLang): string {
  return highlighter.codeToHtml(code.replace(/(?:\r\n|\r|\n)$/u, ''), {
    lang,
    themes: THEMES,
    defaultColor: 'light',
    // Shiki stops colouring a line after 500 ms by default; a build on a busy machine must not colour differently.
    tokenizeTimeLimit: 0,
    transformers: [astroMarkup(lang)],
  });
}
