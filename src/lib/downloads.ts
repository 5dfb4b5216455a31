/**
 * Links to the downloads the build produces (see src/build/downloads.ts), under the base path.
 */
import { DEFAULT_PLAN_FILE } from '../build/read-plan.ts';
import { downloadPaths } from '../build/downloads.ts';
import { href } from './urls.ts';

const paths = downloadPaths(process.env.PLAN_FILE || DEFAULT_PLAN_FILE);

/** URL of the PDF of the whole plan. */
export const pdfUrl = () => href(paths.pdf);
/** URL of the 公文版 PDF, laid out per GB/T 9704-2012. */
export const gbt9704PdfUrl = () => href(paths.gbt9704Pdf);
/** URL of the offline HTML bundle (zip). */
export const offlineZipUrl = () => href(paths.offlineZip);
