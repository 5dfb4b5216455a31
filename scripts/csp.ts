/**
 * `npm run csp [-- --write]`: the Content-Security-Policy the built dist/ needs. Prints it; with --write,
 * updates deploy/nginx/csp.conf. Run it after changing an inline script or style, and commit the result.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { isMain, runCli, StepError } from '../src/publish/pipeline/cli.ts';
import { collectSiteInline, cspNginxConf } from '../src/publish/deploy/csp.ts';

export const CSP_FILE = 'deploy/nginx/csp.conf';

export async function csp(write: boolean): Promise<string> {
  const conf = cspNginxConf(await collectSiteInline(process.env.DIST_DIR || 'dist'));
  if (write) {
    await writeFile(CSP_FILE, conf);
    return `csp: wrote ${CSP_FILE}`;
  }
  const current = await readFile(CSP_FILE, 'utf8').catch(() => '');
  if (current !== conf) throw new StepError(`csp: ${CSP_FILE} is out of date for this build. Run \`npm run csp -- --write\` and commit it.\n${conf}`);
  return `csp: ${CSP_FILE} matches the build\n${conf}`;
}

if (isMain(import.meta.url)) await runCli(() => csp(process.argv.includes('--write')));
