import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TYPESETTER = new URL('../../src/publish/pdf/typesetter.ts', import.meta.url).href;

describe('closeTypesetter', () => {
  // In a process of its own: the fault it guards against shows only when nothing else keeps Node's event loop
  // alive, as at the end of a build whose other steps finished first (Node then exits with code 13).
  it('keeps the process alive until the compiler has exited, when nothing else does', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'typesetter-close-')), 'close.mjs');
    writeFileSync(script, `import { typesetter, closeTypesetter } from ${JSON.stringify(TYPESETTER)};\nawait typesetter([]);\nawait closeTypesetter();\nconsole.log('closed');\n`);
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: 'closed' });
  });
});
