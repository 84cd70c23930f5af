import { describe, expect, it } from 'vitest';
import { startupErrorText, startupFailureOf, startupLocale } from '../../electron/main/startup-error-text';

describe('startup error text', () => {
  it('speaks Spanish unless the system prefers English', () => {
    expect(startupLocale('es-CL')).toBe('es-CL');
    expect(startupLocale('es')).toBe('es-CL');
    expect(startupLocale('pt-BR')).toBe('es-CL');
    expect(startupLocale('en-US')).toBe('en');
  });

  it('explains a corrupt file and a file from a newer Mesa differently, and says the file was not touched', () => {
    const corrupt = startupErrorText('db_corrupt', 'es-CL');
    const newer = startupErrorText('db_newer_version', 'es-CL');
    expect(corrupt.message).toMatch(/dañado/);
    expect(newer.message).toMatch(/versión más nueva/);
    expect(corrupt.detail).toMatch(/no modificó/);
    expect(newer.detail).toMatch(/no modificó/);
    expect(startupErrorText('db_corrupt', 'en').detail).toMatch(/did not change/);
  });

  it('has a general message for every other failure', () => {
    expect(startupErrorText('disk_full', 'es-CL').title).toBe('Mesa no pudo iniciar');
    expect(startupErrorText('internal', 'en').quit).toBe('Quit');
  });

  it('treats store failures as fatal at start, and nothing else', () => {
    const failed = (code: 'db_corrupt' | 'db_newer_version' | 'disk_full' | 'internal' | 'not_found') => ({ ok: false as const, error: { code, message: 'x' } });
    expect(startupFailureOf(failed('db_corrupt'))?.code).toBe('db_corrupt');
    expect(startupFailureOf(failed('db_newer_version'))?.code).toBe('db_newer_version');
    expect(startupFailureOf(failed('disk_full'))?.code).toBe('disk_full');
    expect(startupFailureOf(failed('internal'))).toBeNull();
    expect(startupFailureOf({ ok: true, value: { locale: 'es-CL' } })).toBeNull();
  });
});
