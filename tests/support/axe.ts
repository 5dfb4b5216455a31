/**
 * axe-core in a Chromium page: the violations as `rule: targets` lines, so a failing test names what to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page as it is now; `rules` turns extra rules on or off (e.g. color-contrast-enhanced). */
export async function axeViolations(page: Page, rules: Record<string, { enabled: boolean }> = {}): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (ruleOptions) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules: ruleOptions });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, rules);
}
