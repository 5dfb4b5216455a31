/**
 * Builds the site of one plan (`node tests/support/build-site-from-plan.ts <plan file> <outDir>`, run in a project
 * copy, src/tooling/project-copy.ts), for the site-families test: the steps of `PLAN_FILE=<file> npm run build`
 * that make the pages and what they name — the content step, Astro's build, the search index, the search tables
 * and the sitemap — without the PDFs and offline zips, which take most of a build's time and are checked by their
 * own tests.
 */
import { astroBuild } from '../../src/publish/astro/astro-build.ts';
import { writeSitemap } from '../../src/publish/deploy/sitemap.ts';
import { listFiles } from '../../src/publish/pipeline/list-files.ts';
import { loadArchive, siteTarget } from '../../src/publish/pipeline/pipeline.ts';
import { searchAidsFor, writeSearchAids } from '../../src/publish/search/search-aids-file.ts';
import { writeSearchIndex } from '../../src/publish/search/search-index.ts';
import { buildContent } from '../../scripts/build-content.ts';

const [file, outDir] = process.argv.slice(2);
if (!file || !outDir) throw new Error('usage: build-site-from-plan.ts <plan file> <outDir>');
console.log(await buildContent(file));
await astroBuild(outDir);
const archive = await loadArchive();
await writeSearchAids(outDir, await searchAidsFor(archive.map((e) => e.plan)));
await writeSitemap(outDir, listFiles(outDir), siteTarget());
await writeSearchIndex(archive, outDir);
console.log(`built ${file} into ${outDir}`);
