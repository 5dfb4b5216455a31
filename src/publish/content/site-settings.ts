/**
 * The archive's settings on disk: `site.json` in the plans folder ($PLANS_DIR, default seeds/; with PLAN_FILE
 * too, since the settings belong to the site, not to a plan), read and checked by src/config/site-config.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSiteConfig, SITE_CONFIG_FILE, type SiteConfig } from '../../config/site-config.ts';
import { DEFAULT_PLANS_DIR } from '../../contract/plan-inputs.ts';
import { PlanInputError } from '../pipeline/cli.ts';

/** The site settings and what a reader of the build log should know about them. */
export interface SiteSettings {
  config: SiteConfig;
  /** Path of the settings file, whether or not it exists. */
  path: string;
  /** Whether the file exists. */
  found: boolean;
  /** Warnings, formatted as path:line:col: rule: message. */
  warnings: string[];
}

/** Reads the settings the environment points at; a missing file is no error, a broken one is. */
export async function readSiteSettings(env: Record<string, string | undefined> = process.env): Promise<SiteSettings> {
  const path = join(env.PLANS_DIR || DEFAULT_PLANS_DIR, SITE_CONFIG_FILE);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new PlanInputError([`${path}:1:1: unreadable-file: Cannot read the site settings (${error.code ?? 'EIO'}).`]);
  });
  let config: SiteConfig = {};
  if (text !== undefined) {
    const parsed = parseSiteConfig(text);
    if (!parsed.ok) throw new PlanInputError(parsed.problems.map((p) => `${path}:${p.at.line}:${p.at.column}: ${p.kind === 'syntax' ? 'site-config-json' : 'site-config-invalid'}: ${p.message}`));
    config = parsed.value;
  }
  const warnings = config.accessibilityContact
    ? []
    : [
        `${path}:1:1: no-accessibility-contact: No contact for accessibility problems is set, so the 无障碍声明 (/accessibility/) says that none is given. ` +
          `Add to ${path}: { "accessibilityContact": { "name": "…办公室", "phone": "…", "email": "…" } }.`,
      ];
  return { config, path, found: text !== undefined, warnings };
}
