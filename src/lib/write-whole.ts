/** Writing a file that another process may read at any moment. */
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `text` to `path` whole or not at all: to a temporary name beside it (this process's), then renamed. */
export function writeWhole(path: string, text: string): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}
