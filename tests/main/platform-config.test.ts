import { describe, expect, it } from 'vitest';
import { platformUrlFrom } from '../../electron/main/platform-config';

describe('platform URL', () => {
  it('is absent when not configured', () => {
    expect(platformUrlFrom({})).toBeNull();
    expect(platformUrlFrom({ MESA_PLATFORM_URL: '  ' })).toBeNull();
  });
  it('accepts https and loopback http, as an origin', () => {
    expect(platformUrlFrom({ MESA_PLATFORM_URL: 'https://odr.example.cl/api/' })).toBe('https://odr.example.cl');
    expect(platformUrlFrom({ MESA_PLATFORM_URL: 'http://127.0.0.1:4810' })).toBe('http://127.0.0.1:4810');
    expect(platformUrlFrom({ MESA_PLATFORM_URL: 'http://localhost:4810' })).toBe('http://localhost:4810');
  });
  it('refuses plain http off the machine and anything that is not a URL', () => {
    expect(() => platformUrlFrom({ MESA_PLATFORM_URL: 'http://odr.example.cl' })).toThrow(/https/);
    expect(() => platformUrlFrom({ MESA_PLATFORM_URL: 'ftp://127.0.0.1' })).toThrow(/https/);
    expect(() => platformUrlFrom({ MESA_PLATFORM_URL: 'not a url' })).toThrow(/not a URL/);
  });
});
