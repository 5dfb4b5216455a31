/**
 * opencc's converters between the traditional standards (opencc's t, Taiwan's tw, Hong Kong's hk) and mainland
 * simplified, in that order, shared by the search aids and the script a plan is printed in. Made on first use:
 * building opencc's tables takes a quarter of a second, which every process importing these modules (a build in
 * which nothing changed, each test file) would otherwise pay.
 */
import * as OpenCC from 'opencc-js';

type Convert = (s: string) => string;
const STANDARDS = ['t', 'tw', 'hk'] as const;
let to: Convert[] | undefined;
let from: Convert[] | undefined;

/** Each standard's characters to mainland simplified. */
export const toMainland = (): readonly Convert[] => (to ??= STANDARDS.map((s) => OpenCC.Converter({ from: s, to: 'cn' })));
/** Mainland simplified to each standard. */
export const fromMainland = (): readonly Convert[] => (from ??= STANDARDS.map((s) => OpenCC.Converter({ from: 'cn', to: s })));
