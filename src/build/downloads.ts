/**
 * File names of the downloads (PDF, offline bundle), derived from the plan file's name so another plan gets
 * its own names. ASCII only, so they survive every zip tool, web server and e-mail client.
 */
import { basename } from 'node:path';

/**
 * The stem for download names.
 * @example downloadStem('seeds/hunan-education-2020-work-plan.txt') // 'hunan-education-2020-work-plan'
 */
export function downloadStem(planFile: string): string {
  const stem = basename(planFile).replace(/\.[^.]*$/u, '').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return stem || 'plan';
}

/** Paths of the downloads relative to the site root: the reading PDF, the 公文版 (GB/T 9704) PDF, the offline zip. */
export function downloadPaths(planFile: string): { pdf: string; gbt9704Pdf: string; offlineZip: string } {
  const stem = downloadStem(planFile);
  return { pdf: `downloads/${stem}.pdf`, gbt9704Pdf: `downloads/${stem}-gbt9704.pdf`, offlineZip: `downloads/${stem}-offline.zip` };
}
