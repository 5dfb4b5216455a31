/**
 * The files a built page loads when Chromium opens it: the page itself, its stylesheets, scripts, icons and
 * images, and what the stylesheets pull in (@import, url()). The reading PDF is keyed by these bytes and printed
 * from them alone (print-pdf.ts serves nothing else), so a file it loads cannot be left out of its key unnoticed.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseHTML } from 'linkedom';
import { StepError } from './cli.ts';

/** A file of the built site, by URL path (starting with the base), with its path on disk and its bytes. */
export interface PageFile {
  urlPath: string;
  file: string;
  bytes: Uint8Array;
}

const REFERENCES: [selector: string, attribute: string][] = [
  ['link[rel~="stylesheet"][href]', 'href'],
  ['link[rel~="icon"][href]', 'href'],
  ['link[rel="preload"][href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
];

/** `@import "x"`, `@import url(x)` and `url(x)` in CSS, quoted or not. */
const CSS_URL = /@import\s+["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)/gu;

/** The file a URL path of the site is served from (directory URLs → index.html), or undefined off the site. */
export function urlPathToFile(siteDir: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  return join(siteDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

/** The page at `pagePath` (relative to the base, e.g. 2020/full/) and every file it loads, page first. */
export async function pageFiles(siteDir: string, base: string, pagePath: string): Promise<PageFile[]> {
  const found = new Map<string, PageFile>();
  const load = async (urlPath: string): Promise<PageFile> => {
    const file = urlPathToFile(siteDir, base, urlPath);
    if (!file) throw new StepError(`pdf: ${pagePath} loads ${urlPath}, which is not under the site's base path ${base}.`);
    const bytes = await readFile(file).catch(() => {
      throw new StepError(`pdf: ${pagePath} loads ${urlPath}, which the built site does not have (${file}).`);
    });
    const entry = { urlPath, file, bytes };
    found.set(urlPath, entry);
    return entry;
  };
  const follow = async (url: string, from: string) => {
    // Other origins and inline data are not files of the site (the print refuses the former, see print-pdf.ts).
    if (/^(data|blob|about):/iu.test(url)) return;
    const resolved = new URL(url, `http://site${from}`);
    if (resolved.host !== 'site') return;
    if (found.has(resolved.pathname)) return;
    const entry = await load(resolved.pathname);
    if (resolved.pathname.endsWith('.css')) {
      for (const m of Buffer.from(entry.bytes).toString('utf8').matchAll(CSS_URL)) await follow((m[1] ?? m[2])!.trim(), resolved.pathname);
    }
  };
  const pageUrl = posix.join(base, pagePath);
  const page = await load(pageUrl);
  const { document } = parseHTML(Buffer.from(page.bytes).toString('utf8'));
  for (const [selector, attribute] of REFERENCES) {
    for (const el of document.querySelectorAll(selector)) await follow(el.getAttribute(attribute)!, pageUrl);
  }
  return [...found.values()];
}
