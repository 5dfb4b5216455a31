/**
 * Fills in the deployment recipe's placeholders (@NAME@) — the same idea as the official nginx image's
 * templates, without a shell dependency — and checks none is left.
 */

/** Values for deploy/nginx/*.conf(.template). */
export interface NginxValues {
  LISTEN: string;
  SERVER_NAME: string;
  ROOT: string;
  BASE_PATH: string;
  SNIPPETS: string;
}

/**
 * Replaces every @NAME@ in `template`.
 * @example renderNginxConf('root @ROOT@;', { ROOT: '/var/www', ... }) // 'root /var/www;'
 */
export function renderNginxConf(template: string, values: NginxValues): string {
  const out = template.replace(/@([A-Z_]+)@/gu, (whole, name: string) => {
    if (!(name in values)) throw new Error(`Unknown placeholder ${whole} in the nginx template.`);
    return values[name as keyof NginxValues];
  });
  return out;
}
