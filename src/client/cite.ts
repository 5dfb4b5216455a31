/**
 * 引用本条 (src/components/CiteBox.astro), loaded by the page script the first time the box opens or a 引用
 * control is used: a script of its own rather than inline, so an item page does not carry it to readers who never
 * cite (it was about 0.3 KiB of every page's compressed HTML). Classic script, no imports at run time: works on
 * the web and from file://.
 *
 * It writes today's date as the 引用日期, shows the 复制 buttons, and makes every [data-cite] control copy its
 * reference to the clipboard, saying so in the #cite-status live region. Where the clipboard refuses (an old
 * phone, some file:// pages) it opens the box, selects the text and tries document.execCommand('copy'),
 * deprecated but the only copy such browsers have. The click that fetched it is handed over through
 * window.copyCite.
 */

export {};

declare global {
  interface Window {
    /** Copies the reference a [data-cite] control names; set once this script has run. */
    copyCite?: (control: Element) => void;
  }
}

const d = document;
const status = d.getElementById('cite-status')!;
let timer: ReturnType<typeof setTimeout> | undefined;

const today = new Date();
const two = (n: number) => String(n).padStart(2, '0');
for (const s of d.querySelectorAll('[data-cite-date]')) s.textContent = `${today.getFullYear()}-${two(today.getMonth() + 1)}-${two(today.getDate())}`;
for (const b of d.querySelectorAll<HTMLButtonElement>('button[data-cite]')) b.hidden = false;

/** Says `message` in the live region, and clears it after a while so the next copy is announced again. */
function say(message: string) {
  status.textContent = message;
  clearTimeout(timer);
  timer = setTimeout(() => (status.textContent = ''), 8000);
}

function copy(control: Element) {
  const li = d.getElementById(control.getAttribute('data-cite') ?? '');
  if (!li) return;
  const text = li.querySelector('.cite-text')!;
  const what = `${li.querySelector('.cite-what')!.textContent}的引用`;
  const select = () => {
    const range = d.createRange();
    const selection = getSelection()!;
    li.closest('details')!.open = true;
    range.selectNodeContents(text);
    selection.removeAllRanges();
    selection.addRange(range);
    li.scrollIntoView({ block: 'center' });
    let copied = false;
    try {
      copied = d.execCommand('copy');
    } catch {
      // Refused: the text stays selected for the reader to copy.
    }
    say(copied ? `已复制${what}` : `已选中${what}，请长按或按 Ctrl+C 复制`);
  };
  if (navigator.clipboard) navigator.clipboard.writeText(text.textContent ?? '').then(() => say(`已复制${what}`), select);
  else select();
}

window.copyCite = copy;
d.addEventListener('click', (e) => {
  const control = (e.target as Element).closest('[data-cite]');
  if (!control || !d.getElementById(control.getAttribute('data-cite') ?? '')) return;
  e.preventDefault();
  copy(control);
});
