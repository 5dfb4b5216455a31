/**
 * Links to the downloads the build produces for a plan (the list is src/contract/outputs.ts), under the base path.
 */
import { archiveOutputs } from '../contract/outputs.ts';
import type { PlanView } from './plans.ts';
import { href } from './urls.ts';

/** URL of the PDF of the whole plan. */
export const pdfUrl = (p: Pick<PlanView, 'downloads'>) => href(p.downloads.pdf);
/** URL of the 公文版 PDF, laid out per GB/T 9704-2012. */
export const gbt9704PdfUrl = (p: Pick<PlanView, 'downloads'>) => href(p.downloads.gbt9704Pdf);
/** URL of the offline HTML bundle (zip). */
export const offlineZipUrl = (p: Pick<PlanView, 'downloads'>) => href(p.downloads.offlineZip);
/** URL of the offline zip of the whole archive, when the archive holds several plans. */
export const archiveZipUrl = (planCount: number) => {
  const out = archiveOutputs(planCount);
  return out ? href(out.offlineZip) : undefined;
};
