/**
 * What the content step wrote to content/, as pages read it: each file checked by the schema it was written with.
 * A file that does not pass was written by an older build or by hand, and the build stops saying so.
 */
import { z } from 'zod';

/** The problem of a file of content/ (`path` from the project's root, as Vite's globs name it). */
export function staleContent(path: string, problem: string): Error {
  return new Error(`${path.replace(/^\//u, '')}: ${problem}: content/ is not what this code writes; run \`npm run content\`.`);
}

/** `value`, read from `path`, as `schema` has it. */
export function checkedRecord<T extends z.ZodType>(path: string, schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw staleContent(path, z.prettifyError(parsed.error));
  return parsed.data;
}
