/**
 * Facts about the document that pages show in their information block, read from its own elements.
 */
import type { Notice } from './schema.ts';
import { DISCLOSURES } from './vocabulary.ts';

/**
 * 公开方式 as the 附注 states it (主动公开, 依申请公开, 不予公开, in either script), in simplified characters; undefined when no 附注 says.
 * @example disclosureOf({ notes: ['（此件主动公开）'] } as Notice) // '主动公开'
 */
export function disclosureOf(notice: Pick<Notice, 'notes'>): string | undefined {
  for (const note of notice.notes ?? []) {
    const word = Object.keys(DISCLOSURES).find((w) => note.includes(w));
    if (word) return DISCLOSURES[word];
  }
  return undefined;
}
