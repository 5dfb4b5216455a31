/**
 * A test's own plan, read as the build reads one: its text (or its lines), parsed; a text that does not read fails
 * the test with the reader's messages, so a fixture typo never passes as an empty plan.
 */
import { parsePlan, type ParseOptions } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

export function readPlan(text: string | readonly string[], options?: ParseOptions): Plan {
  const r = parsePlan(typeof text === 'string' ? text : text.join('\n'), options);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.value;
}
