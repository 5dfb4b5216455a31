/**
 * Reading built HTML in tests: a DOM (linkedom), the official text of a page, links and pages of dist/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

/** Parses an HTML file into a document. */
export function loadDocument(path: string): Document {
  return parseHTML(readFileSync(path, 'utf8')).document as unknown as Document;
}

/**
 * The official text of a page: the text of every [data-official] element (outermost only), in document order,
 * without anything inside it marked [data-editorial].
 */
export function officialText(doc: Document): string {
  const roots = [...doc.querySelectorAll('[data-official]')].filter((el) => !el.parentElement?.closest('[data-official]'));
  return roots
    .map((root) => {
      const clone = root.cloneNode(true) as Element;
      for (const ed of clone.querySelectorAll('[data-editorial]')) ed.remove();
      return clone.textContent ?? '';
    })
    .join('\n');
}

/** Every .html file under a folder, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
