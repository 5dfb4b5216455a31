/**
 * The deployment recipe stays true to the build: the committed CSP allows exactly the inline code the built
 * pages contain, and the nginx template renders with no placeholder left.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectInline, collectSiteInline, cspNginxConf } from '../../src/publish/deploy/csp.ts';
import { renderNginxConf } from '../../src/publish/deploy/nginx-conf.ts';
import { DIST } from '../support/dist.ts';

describe('deploy/nginx', () => {
  it('csp.conf is the policy this build needs (run `npm run csp -- --write` after changing inline code)', async () => {
    expect(readFileSync('deploy/nginx/csp.conf', 'utf8')).toBe(cspNginxConf(await collectSiteInline(DIST)));
  });

  it('hashes every inline script and style, and a change to one changes the policy', () => {
    const found = { scripts: new Set<string>(), styles: new Set<string>(), styleAttributes: new Set<string>() };
    collectInline('<script>a()</script><script src="x.js"></script><script type="application/ld+json">{}</script><p style="color:red">x</p>', found);
    expect(found.scripts.size).toBe(1);
    expect(found.styleAttributes.size).toBe(1);
    const before = cspNginxConf(found);
    collectInline('<script>b()</script>', found);
    expect(cspNginxConf(found)).not.toBe(before);
    expect(before).toContain("'unsafe-hashes'");
    expect(before).not.toMatch(/'unsafe-inline'|'unsafe-eval'/u);
  });

  it('renders the server block with every placeholder filled', () => {
    const values = { LISTEN: '80', SERVER_NAME: 'www.example.gov.cn', ROOT: '/var/www/html', BASE_PATH: '/plans/2020/', SNIPPETS: '/etc/nginx/plans' };
    const conf = renderNginxConf(readFileSync('deploy/nginx/site.conf.template', 'utf8'), values);
    expect(conf).not.toMatch(/@[A-Z_]+@/u);
    expect(conf).toContain('location /plans/2020/ {');
    expect(conf).toContain('include /etc/nginx/plans/security-headers.conf;');
    expect(() => renderNginxConf('@NOPE@', values)).toThrow(/Unknown placeholder/u);
  });
});
