import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const directives = (policy: string): Map<string, string> =>
  new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values.join(' ')]));

describe('Content-Security-Policy', () => {
  it('allows nothing from outside the app and nothing inline or evaluated', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|data:/);
  });

  it('lets evidence load from the desktop file scheme only where files are shown or fetched', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('img-src')).toBe("'self' blob: mesa-doc:");
    expect(policy.get('media-src')).toBe("'self' blob: mesa-doc:");
    expect(policy.get('connect-src')).toBe("'self' mesa-doc:");
    for (const name of ['script-src', 'style-src', 'worker-src', 'frame-src', 'object-src', 'font-src']) expect(policy.get(name)).not.toContain('mesa-doc:');
  });

  it('the meta policy is the header policy minus what a meta tag cannot carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(header);
  });

  // renderer/index.html must carry exactly META_CONTENT_SECURITY_POLICY.
  it("renderer/index.html's meta tag carries the same policy", () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });
});
