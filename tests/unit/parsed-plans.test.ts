import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputCache } from '../../src/publish/cache/output-cache.ts';
import { cachedReader } from '../../src/publish/content/parsed-plans.ts';
import { PlanInputError } from '../../src/publish/pipeline/cli.ts';
import { readPlanBytes } from '../../src/publish/content/read-plan.ts';

const FIXTURES = 'tests/fixtures';

/** Every fixture's input file (input.<ext>, as parse-fixtures.test.ts finds them), and what the reader makes of it. */
async function inputs(): Promise<{ path: string; bytes: Uint8Array; direct: Awaited<ReturnType<typeof readPlanBytes>> | PlanInputError }[]> {
  const paths = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(join(FIXTURES, e.name)).filter((f) => f.startsWith('input.')).map((f) => join(FIXTURES, e.name, f)));
  return Promise.all(
    paths.map(async (path) => {
      const bytes = new Uint8Array(readFileSync(path));
      const direct = await readPlanBytes(path, bytes).catch((e: unknown) => {
        if (e instanceof PlanInputError) return e;
        throw e;
      });
      return { path, bytes, direct };
    }),
  );
}

const fresh = () => new OutputCache(join(mkdtempSync(join(tmpdir(), 'parsed-plans-')), 'cache'));
const entries = (cache: OutputCache) => readdirSync(join(cache.dir, 'parsed-plan'), { withFileTypes: true }).filter((e) => e.isFile()).length;

describe('cachedReader', async () => {
  const files = await inputs();

  it('gives back exactly what the reader gave, the first time and from the cache', async () => {
    const readable = files.filter((f) => !(f.direct instanceof PlanInputError));
    expect(readable.length).toBeGreaterThan(50);
    expect([...new Set(readable.map((f) => f.path.split('.').pop()))]).toEqual(expect.arrayContaining(['txt', 'docx', 'pdf', 'html']));
    const cache = fresh();
    const read = cachedReader(cache);
    for (const { path, bytes, direct } of readable) {
      expect(await read(path, bytes)).toStrictEqual(direct);
      // From the cache now: a new reader over the same folder, as the next build has.
      expect(await cachedReader(new OutputCache(cache.dir))(path, bytes)).toStrictEqual(direct);
    }
    expect(entries(cache)).toBe(readable.length);
  });

  it('reads a file again when its bytes, its path or its options differ', async () => {
    const one = files.find((f) => f.path.endsWith('family-headings-full-stop/input.txt'));
    expect(one).toBeDefined();
    const cache = fresh();
    const read = cachedReader(cache);
    const first = await read(one!.path, one!.bytes);
    const edited = new TextEncoder().encode(new TextDecoder().decode(one!.bytes).replaceAll(first.plan.title, `${first.plan.title}（修订）`));
    expect((await read(one!.path, edited)).plan.title).toBe(`${first.plan.title}（修订）`);
    const elsewhere = await read('elsewhere/input.txt', one!.bytes);
    expect(elsewhere.warnings.every((w) => !w.startsWith(one!.path))).toBe(true);
    expect(elsewhere.plan).toStrictEqual(first.plan);
    const office = first.plan.offices[0]!.name;
    const aliased = await read(one!.path, one!.bytes, { officeAliases: { [office]: '别名处' } });
    expect(aliased.plan.offices.map((o) => o.name)).toContain('别名处');
    expect(entries(cache)).toBe(4);
  });

  it('keeps nothing of a file it refuses, and refuses it again with the same lines', async () => {
    const refused = files.filter((f) => f.direct instanceof PlanInputError);
    expect(refused.length).toBeGreaterThan(10);
    const cache = fresh();
    const read = cachedReader(cache);
    for (const { path, bytes, direct } of refused) {
      await expect(read(path, bytes)).rejects.toEqual(direct);
      await expect(read(path, bytes)).rejects.toEqual(direct);
    }
    expect(existsSync(join(cache.dir, 'parsed-plan')) ? entries(cache) : 0).toBe(0);
  });
});
