import { launchChromium } from './src/build/chromium.ts';
import { serveStatic } from './src/build/static-server.ts';
import { weighPage } from './src/bench/page-weight.ts';
const browser = await launchChromium();
for (const dir of process.argv.slice(2)) {
  const server = await serveStatic(dir, '/', true);
  for (const path of ['2020/items/16/', '2020/items/1/', '2020/', '2020/offices/jijiaochu/', '2020/full/', '2020/data/', '2020/targets/']) {
    const w = await weighPage(browser, server.url + path, dir, '/');
    console.log(dir.padEnd(22), path.padEnd(26), 'total', (w.total.transferred / 1024).toFixed(2), 'KiB', w.total.requests, 'req; html', (w.html.transferred / 1024).toFixed(2), 'css', (w.css.transferred / 1024).toFixed(2), 'inline js', w.inlineScriptBytes);
  }
  await server.close();
}
await browser.close();
