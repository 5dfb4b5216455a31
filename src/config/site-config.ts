/**
 * The archive's own settings (`site.json` in the plans folder, beside the plan folders): what belongs to the site
 * that publishes the plans rather than to any plan. Today: who readers contact about accessibility problems.
 * Pure: the caller reads the file (src/publish/content/site-settings.ts).
 *
 * A file next to the plans rather than an environment variable: a contact has several fields (office, phone,
 * e-mail, address), is written once by the site's operator and belongs in version control with the plans, while
 * SITE_URL and BASE_PATH say where one build is deployed.
 */
import { z } from 'zod';
import { readJson, type JsonProblem } from './json-problems.ts';

/** The settings file's name inside the plans folder. */
export const SITE_CONFIG_FILE = 'site.json';

/** Who handles accessibility problems, as the 无障碍声明 shows it. At least one way to reach them is required. */
export const AccessibilityContactSchema = z
  .strictObject(
    {
      /** The office that handles the reports, e.g. 湖南省教育厅办公室. */
      name: z.string({ error: 'must name the office that handles reports' }).trim().min(1, { error: 'must name the office that handles reports' }),
      /** E-mail address. */
      email: z.email({ error: 'must be an e-mail address, e.g. office@example.gov.cn' }).optional(),
      /** Telephone number as dialled, e.g. 0731-12345678. */
      phone: z.string().regex(/^[0-9+()\- 转]{5,30}$/u, { error: 'must be a telephone number: digits, spaces, + ( ) - and 转 only, e.g. 0731-12345678' }).optional(),
      /** A web page for reports (a 留言 form), http or https. */
      url: z.url({ protocol: /^https?$/u, error: 'must be an http or https URL' }).optional(),
      /** Postal address. */
      address: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
    },
    { error: 'must be an object with name and at least one of email, phone, url, address' },
  )
  .refine((c) => c.email !== undefined || c.phone !== undefined || c.url !== undefined || c.address !== undefined, {
    error: 'needs at least one way to reach the office: email, phone, url or address',
  });

/** The settings file; every field is optional. */
export const SiteConfigSchema = z.strictObject(
  {
    /** A comment for people editing the file; ignored. */
    $comment: z.string().optional(),
    /** Contact for accessibility problems; absent, the 无障碍声明 says that none is set. */
    accessibilityContact: AccessibilityContactSchema.optional(),
  },
  { error: 'must be a JSON object' },
);

/** The site's settings as pages read them (the generated record drops the comment). */
export type SiteConfig = Omit<z.infer<typeof SiteConfigSchema>, '$comment'>;

/** A contact for accessibility problems. */
export type AccessibilityContact = z.infer<typeof AccessibilityContactSchema>;

/**
 * The text of site.json → settings, or what is wrong: each problem located at its key (json-problems.ts).
 * @example parseSiteConfig('{"accessibilityContact": {"name": "办公室"}}').problems[0].message // 'accessibilityContact needs at least one way …'
 */
export function parseSiteConfig(text: string): { ok: true; value: SiteConfig } | { ok: false; problems: JsonProblem[] } {
  const read = readJson(SiteConfigSchema, text);
  if (!read.ok) return read;
  const { $comment: _comment, ...value } = read.value;
  return { ok: true, value };
}
