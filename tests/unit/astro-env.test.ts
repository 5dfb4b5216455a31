import { describe, expect, it } from 'vitest';
import { astroEnv } from '../../src/publish/astro/astro-build.ts';
import { RENDER_SET_FILE } from '../../src/contract/render-set.ts';

describe('the environment of Astro’s process', () => {
  it('turns Astro’s telemetry off and leaves out a render set left in the build’s environment', () => {
    const env = astroEnv({ PATH: '/usr/bin', SITE_URL: 'https://www.example.gov.cn', [RENDER_SET_FILE]: '/tmp/stale.json' });
    expect(env.ASTRO_TELEMETRY_DISABLED).toBe('1');
    expect(env[RENDER_SET_FILE]).toBeUndefined();
    expect(env.SITE_URL).toBe('https://www.example.gov.cn');
    expect(env.PATH).toBe('/usr/bin');
  });

  it('keeps a setting of the telemetry a person made', () => {
    expect(astroEnv({ ASTRO_TELEMETRY_DISABLED: '' }).ASTRO_TELEMETRY_DISABLED).toBe('');
  });
});
