/**
 * Measurements of a page as laid out in Chromium, for the accessibility tests: targets too small to hit, content
 * that runs off the screen or is cut off, text too small or too tightly set. Each returns a list of offenders
 * (empty when the page passes), named by tag, id, class and text so a failure says where to look. Each function
 * runs inside the page (page.evaluate sends its source), so each carries its own copy of the naming helper.
 */
import type { Page } from 'playwright-core';

/**
 * Links, buttons and fields smaller than `min` × `min` CSS px. A link inside a sentence (inline, with text of its
 * line beside it) is left out: WCAG 2.5.5 and 2.5.8 exempt targets whose size the line of text sets.
 */
export function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}> “${(el.textContent ?? '').trim().slice(0, 12)}”`;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, summary')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      // The skip link waits above the page until it is focused.
      if (r.bottom <= 0) continue;
      if (style.display === 'inline') {
        const beside = [...el.parentElement!.childNodes]
          .filter((n) => n !== el && (n.nodeType === Node.TEXT_NODE || (n instanceof Element && getComputedStyle(n).display === 'inline')))
          .map((n) => n.textContent ?? '')
          .join('');
        if (/[\p{L}\p{N}]/u.test(beside)) continue;
      }
      if (r.width < min - 0.5 || r.height < min - 0.5) out.push(`${name(el)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
    return out;
  }, min);
}

/**
 * Horizontal scrolling of the page, and elements that reach past the edge of the viewport or are cut off by
 * their own box. Content of a box that scrolls sideways on purpose (a wide table) counts as kept: WCAG 1.4.10
 * allows it for two-dimensional content.
 */
export function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}> “${(el.textContent ?? '').trim().slice(0, 12)}”`;
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const width = root.clientWidth;
    const scrollsItself = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (/auto|scroll/u.test(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    // Visually hidden text (Tailwind's sr-only and the like) is a 1 px box that clips on purpose.
    const hidden = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath === 'inset(50%)') return true;
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || hidden(el) || r.bottom <= 0) continue;
      if ((r.right > width + 1 || r.left < -1) && !scrollsItself(el)) out.push(`${name(el)} spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} of ${width}`);
      const style = getComputedStyle(el);
      const clips = /hidden|clip/u.test(style.overflowX + style.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) out.push(`${name(el)} cuts off its content`);
    }
    return out;
  });
}

/**
 * Text set smaller than `minPx`, or with lines closer than `minLeading` times its size. Each element that holds
 * text of its own is measured; visually hidden text is left out.
 */
export function smallText(page: Page, minPx: number, minLeading: number): Promise<string[]> {
  return page.evaluate(
    ({ minPx, minLeading }) => {
      const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}> “${(el.textContent ?? '').trim().slice(0, 12)}”`;
      const out: string[] = [];
      const hidden = (el: Element) => {
        for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath === 'inset(50%)') return true;
        return false;
      };
      for (const el of document.body.querySelectorAll('*')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /\S/u.test(n.textContent ?? ''));
        const r = el.getBoundingClientRect();
        if (!own || r.width === 0 || r.height === 0 || r.bottom <= 0 || hidden(el)) continue;
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const leading = style.lineHeight === 'normal' ? Number.NaN : parseFloat(style.lineHeight) / size;
        if (size < minPx - 0.01) out.push(`${name(el)} ${size.toFixed(1)} px`);
        else if (!(leading >= minLeading - 0.005)) out.push(`${name(el)} line height ${style.lineHeight} for ${size.toFixed(1)} px`);
      }
      return out;
    },
    { minPx, minLeading },
  );
}

/**
 * WCAG's contrast ratio of two computed colours (`rgb(…)` or `rgba(…)`, alpha ignored). Written out rather than
 * taken from a package: it is the dozen lines of the definition in WCAG 2.2, and axe-core does not export its own.
 * @example contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/gu)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
