import { describe, expect, it } from 'vitest';
import { LOOPBACK_MATCHES, PORTAL_MATCHES, portalMatchesOf } from '@/utils/portal-origins';

describe('portal origins', () => {
  it('production covers only the Medimail portal', () => {
    expect(PORTAL_MATCHES).toEqual(['https://medimail.mipih.fr/*']);
  });

  it('reads the patterns back from a manifest, without duplicates', () => {
    const manifest = {
      content_scripts: [{ matches: [...PORTAL_MATCHES, ...LOOPBACK_MATCHES] }, { matches: PORTAL_MATCHES }],
    };
    expect(portalMatchesOf(manifest)).toEqual([...PORTAL_MATCHES, ...LOOPBACK_MATCHES]);
    expect(portalMatchesOf({})).toEqual([]);
  });
});
