import { describe, expect, it } from 'vitest';
import { auditDetails, createTranslator, en, enumLabelKeys, esCL, interpolate } from '../../shared/i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n catalogues', () => {
  it('es-CL and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(esCL).sort());
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const key of Object.keys(esCL) as (keyof typeof esCL)[]) {
      expect(esCL[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(esCL[key]));
    }
  });

  it('every domain enum value and every error code has a label in both languages', () => {
    const keys = enumLabelKeys();
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      expect(Object.prototype.hasOwnProperty.call(esCL, key), `es-CL ${key}`).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(en, key), `en ${key}`).toBe(true);
    }
  });

  it('covers the chat and sync enums (channels, roles, delivery, sync states and errors)', () => {
    const keys = enumLabelKeys();
    for (const key of ['messageChannel.caucus_company.readers', 'authorRole.platform', 'delivery.failed', 'syncState.offline', 'syncError.unauthorized', 'conflictResolution.propose_again']) {
      expect(keys, key).toContain(key);
    }
    expect(esCL['syncError.offline']).toBe('Sin conexión con la plataforma. Sus mensajes quedan guardados y se enviarán al volver la conexión.');
    // A refusal that is not a version conflict has its own words (it used to borrow 'conflict').
    expect(keys).toContain('syncError.rejected');
    expect(keys).toContain('syncErrorShort.rejected');
    expect(esCL['syncError.rejected']).toMatch(/^La plataforma no aceptó el mensaje: /);
    expect(en['syncError.rejected']).toMatch(/^The platform did not accept the message: /);
  });

  it('error messages say what happened and what to do (at least two sentences)', () => {
    for (const key of enumLabelKeys().filter((k) => k.startsWith('error.') || k.startsWith('syncError.'))) {
      for (const catalogue of [esCL, en] as const) {
        const text = catalogue[key as keyof typeof esCL];
        expect(text.split('. ').length, `${key}: ${text}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('translator', () => {
  it('interpolates parameters and formats numbers for Chile', () => {
    const es = createTranslator('es-CL');
    expect(es.t('case.title', { folio: 'RL-2026-000001' })).toBe('Caso RL-2026-000001');
    expect(es.plural('cases.total', 12345)).toBe('12.345 casos');
    expect(es.plural('cases.total', 1)).toBe('1 caso');
    expect(es.plural('cases.total', 0)).toBe('0 casos');
  });

  it('chooses English plural forms', () => {
    const english = createTranslator('en');
    expect(english.plural('cases.total', 1)).toBe('1 case');
    expect(english.plural('cases.total', 12345)).toBe('12,345 cases');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('Hola {name} {missing}', { name: 'Ana' }, String)).toBe('Hola Ana {missing}');
  });
});

describe('auditDetails', () => {
  it('translates the codes the core writes for a stage change', () => {
    const { t } = createTranslator('es-CL');
    const lines = auditDetails(t, {
      transition: 'close',
      from_stage: 'negotiation',
      from_sub_state: 'in_negotiation',
      to_stage: 'closed',
      outcome: 'resolved_in_negotiation',
    });
    expect(lines).toEqual(['Acción: Cerrar caso', 'Negociación (En negociación) → Cerrada', 'Resultado: Resuelto en negociación']);
  });

  it('shows an unknown code as is rather than hiding it', () => {
    const { t } = createTranslator('en');
    expect(auditDetails(t, { reason: 'from_the_future' })).toEqual(['Reason: from_the_future']);
  });
});
