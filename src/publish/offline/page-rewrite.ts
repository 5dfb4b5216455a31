/**
 * One built page rewritten for the offline bundle (pure): its links name files relative to the page
 * (offline-links.ts), links to what the bundle leaves out go to the online site, and the page learns where its
 * root is and that it is offline.
 *
 * Why a tokenizer and not a DOM: building a DOM of every page (linkedom) and printing it again took ~25 ms a page,
 * a second of a plan's bundle and most of an archive's; htmlparser2 (the tokenizer linkedom itself uses) reads a page
 * in under a millisecond. Only the start tags that change are written anew, from the attributes as htmlparser2
 * decoded them; every other byte of the page, its text above all, is copied as it was. The contents of <script>
 * and <style> are raw text to the tokenizer, as to a browser: a URL inside them is never taken for a link.
 */
import { Parser } from 'htmlparser2';
import { StepError } from '../pipeline/cli.ts';
import { rewriteUrl, rootFrom } from './offline-links.ts';

/** The attribute of each element that holds a link to rewrite. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = { a: 'href', link: 'href', script: 'src', img: 'src', form: 'action' };
/** Attributes of <html> naming files the page's scripts fetch (page.js, care-mode.js). */
const ROOT_FILE_ATTRIBUTES = ['data-search-script', 'data-care-css'];

/** Where the page is served from and where the online site is. */
export interface RewriteOptions {
  /** The site's base path, e.g. / or /plans/. */
  base: string;
  /** The online site's address of the base, for links to what the bundle leaves out. */
  onlineRoot: string;
}

/** An attribute value in double quotes, as HTML reads it back. */
const quoted = (value: string) => `"${value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;')}"`;

/**
 * Rewrites the page at `pageFile` (relative to the site root, e.g. 2020/items/3/index.html); `exists` says whether a
 * file is in the bundle. Fails on a module script, which file:// cannot run.
 */
export function rewritePage(html: string, pageFile: string, opts: RewriteOptions, exists: (file: string) => boolean): string {
  const toRoot = rootFrom(pageFile);
  /** Start tags to write anew: [start, end (inclusive), replacement]. */
  const edits: [number, number, string][] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const end = parser.endIndex;
        if (name === 'script' && attribs.type === 'module') throw new StepError(`offline bundle: ${pageFile} has a module script, which file:// cannot run.`);
        // The sitemap is not in the bundle (a <link> has no end tag: its start tag is all of it).
        if (name === 'link' && attribs.rel === 'sitemap') return void edits.push([start, end, '']);
        const changed = { ...attribs };
        let dirty = false;
        const set = (key: string, value: string) => {
          if (changed[key] === value) return;
          changed[key] = value;
          dirty = true;
        };
        if (name === 'html') {
          set('data-base', toRoot);
          set('data-offline', 'true');
          for (const attr of ROOT_FILE_ATTRIBUTES) if (attribs[attr]) set(attr, toRoot + attribs[attr].slice(opts.base.length));
        }
        // Scripts fetched on first use by a part of the page (引用本条's box).
        if (attribs['data-script']) set('data-script', toRoot + attribs['data-script'].slice(opts.base.length));
        const attr = URL_ATTRIBUTES[name];
        // The canonical link keeps pointing at the online page, which is right.
        if (attr && attribs[attr] !== undefined && !(name === 'link' && attribs.rel === 'canonical')) {
          const value = attribs[attr];
          const result = rewriteUrl(value, pageFile, opts.base, exists);
          if (result.kind === 'local') set(attr, result.url);
          else if (result.kind === 'missing') set(attr, new URL(value, `${opts.onlineRoot}${pageFile}`).href);
        }
        if (!dirty) return;
        edits.push([start, end, `<${name}${Object.entries(changed).map(([k, v]) => ` ${k}=${quoted(v)}`).join('')}>`]);
      },
    },
    // Names as written (Astro writes them in lower case; an SVG's viewBox must stay as it is).
    { decodeEntities: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
  );
  parser.end(html);
  let out = '';
  let at = 0;
  for (const [start, end, replacement] of edits) {
    out += html.slice(at, start) + replacement;
    at = end + 1;
  }
  return out + html.slice(at);
}
