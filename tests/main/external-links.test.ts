import { describe, expect, it } from 'vitest';
import { externalLinkTarget } from '../../electron/main/security/external-links';

describe('externalLinkTarget', () => {
  it('lets https links go to the OS browser, normalised', () => {
    expect(externalLinkTarget('https://www.camsantiago.cl/resolucion-en-linea')).toBe('https://www.camsantiago.cl/resolucion-en-linea');
    expect(externalLinkTarget('HTTPS://Example.CL/a?b=1#c')).toBe('https://example.cl/a?b=1#c');
  });

  it.each([
    ['http://example.cl/'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['smb://server/share'],
    ['mailto:a@example.cl'],
    ['//example.cl/'],
    ['not a url'],
    [''],
  ])('refuses %s', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });

  it('refuses credentials in the URL, which disguise the real host', () => {
    expect(externalLinkTarget('https://www.banco.cl@evil.example/')).toBeNull();
    expect(externalLinkTarget('https://user:pass@example.cl/')).toBeNull();
    expect(externalLinkTarget('https://:pass@example.cl/')).toBeNull();
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(externalLinkTarget(undefined)).toBeNull();
    expect(externalLinkTarget(42)).toBeNull();
    expect(externalLinkTarget(`https://example.cl/${'a'.repeat(5000)}`)).toBeNull();
  });
});
