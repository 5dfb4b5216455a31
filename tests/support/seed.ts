/**
 * The seed plan the tests read: the one plan folder of the default build (seeds/<id>/), its source file and the
 * reader options its plan.json gives (office aliases). Tests parse the seed with these options because the build
 * does: without them an alias would count as an office of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PLANS_DIR } from '../../src/contract/plan-inputs.ts';
import type { ParseOptions } from '../../src/plan/parse-plan.ts';

const folder = readdirSync(DEFAULT_PLANS_DIR, { withFileTypes: true }).find((e) => e.isDirectory())!;
/** The seed's plan folder. */
export const SEED_DIR = join(DEFAULT_PLANS_DIR, folder.name);
const config = JSON.parse(readFileSync(join(SEED_DIR, 'plan.json'), 'utf8')) as { source: { file: string }; officeAliases?: Record<string, string> };
/** Path of the seed's source document. */
export const SEED_FILE = join(SEED_DIR, config.source.file);
/** The options the build reads the seed with. */
export const SEED_OPTIONS: ParseOptions = { officeAliases: config.officeAliases ?? {} };
