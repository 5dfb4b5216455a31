/**
 * A guard for loops over expectations: a loop over an empty list asserts nothing, so the list is first checked to
 * hold something (STYLE.md: “a loop over expected values first checks that there are some”).
 */
import { expect } from 'vitest';

/** `list`, after failing the test when it is empty; `what` names the list in the failure. */
export function nonEmpty<T>(list: readonly T[], what: string): readonly T[] {
  expect(list.length, `${what}: the list to check is empty, so the loop over it would assert nothing`).toBeGreaterThan(0);
  return list;
}
