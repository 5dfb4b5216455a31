/**
 * The one list of what a build produces for each plan besides its pages: downloads (PDF, offline bundle) and
 * data files. The build writes them, the benchmark weighs them and the pages link to them, all from this list.
 * Names are ASCII (from the plan's source file), so they survive every zip tool, web server and e-mail client.
 */

/** What the outputs of a plan are named after. */
export interface OutputOwner {
  /** The plan's URL segment, e.g. 2020. */
  id: string;
  /** ASCII stem of the download names, e.g. hunan-education-2020-work-plan. */
  downloadStem: string;
}

/** One output file of a plan. */
export interface PlanOutput {
  kind: 'pdf' | 'gbt9704-pdf' | 'offline-zip' | 'data';
  /** Path relative to the site root, e.g. 2020/downloads/hunan-education-2020-work-plan.pdf. */
  path: string;
  /** Written by a build step (pdf, offline bundle) rather than rendered by Astro (data files). */
  step: boolean;
}

/** File names of the data files under <plan>/data/. */
export const DATA_FILES = ['plan.json', 'plan.schema.json', 'items.csv', 'offices.csv', 'responsibilities.csv'] as const;

/**
 * Every output of a plan.
 * @example planOutputs({ id: '2020', downloadStem: 'p' })[0].path // '2020/downloads/p.pdf'
 */
export function planOutputs(owner: OutputOwner): PlanOutput[] {
  return [
    { kind: 'pdf', path: `${owner.id}/downloads/${owner.downloadStem}.pdf`, step: true },
    { kind: 'gbt9704-pdf', path: `${owner.id}/downloads/${owner.downloadStem}-gbt9704.pdf`, step: true },
    { kind: 'offline-zip', path: `${owner.id}/downloads/${owner.downloadStem}-offline.zip`, step: true },
    ...DATA_FILES.map((f) => ({ kind: 'data' as const, path: `${owner.id}/data/${f}`, step: false })),
  ];
}

/** Paths of a plan's downloads relative to the site root: the reading PDF, the 公文版 (GB/T 9704) PDF, the offline zip. */
export function downloadPaths(owner: OutputOwner): { pdf: string; gbt9704Pdf: string; offlineZip: string } {
  const outputs = planOutputs(owner);
  const path = (kind: PlanOutput['kind']) => outputs.find((o) => o.kind === kind)!.path;
  return { pdf: path('pdf'), gbt9704Pdf: path('gbt9704-pdf'), offlineZip: path('offline-zip') };
}

/** Top folder inside a plan's offline zip. */
export function offlineFolder(owner: OutputOwner): string {
  return `${owner.downloadStem}-offline`;
}

/**
 * What the archive itself produces when it holds more than one plan: one offline zip of every plan with the
 * archive's own pages. (With one plan, that plan's zip is the whole archive.)
 */
export function archiveOutputs(planCount: number): { offlineZip: string; offlineFolder: string } | undefined {
  return planCount > 1 ? { offlineZip: 'downloads/archive-offline.zip', offlineFolder: 'archive-offline' } : undefined;
}
