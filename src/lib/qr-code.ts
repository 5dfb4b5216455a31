/**
 * QR codes that lead a printed page back to its online address, drawn at build time as SVG (the `qrcode`
 * package): no script, the same in the site, the offline bundle and the reading PDF.
 */
import QRCode from 'qrcode';

/**
 * An SVG file of `url`'s QR code: level M (recovers from 15% damage: a folded or stamped sheet still scans), no
 * quiet zone of its own (the print stylesheet keeps white space around it) and no background rectangle (paper is
 * white), which keeps it to about 1.5 KB, 0.4 KB compressed.
 * @example await qrSvgFile('https://plan.example.gov.cn/2020/items/16/') // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" …><path …/></svg>'
 */
export async function qrSvgFile(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0, color: { dark: '#000000ff', light: '#00000000' } });
  return `${svg.trim()}\n`;
}

/**
 * The same, to set inline: an image named by `label`.
 * @example await qrSvg('https://plan.example.gov.cn/2020/full/', '全文网址的二维码') // '<svg class="print-qr-code" role="img" aria-label="…" …><path …/></svg>'
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const escaped = label.replace(/[&<>"]/gu, (c) => `&#${c.codePointAt(0)};`);
  return (await qrSvgFile(url)).trim().replace('<svg ', `<svg class="print-qr-code" role="img" aria-label="${escaped}" `);
}
