import { describe, expect, it } from 'vitest';
import type { VariableDefinition } from '../../../shared/contract/agreements';
import { createTranslator } from '../../../shared/i18n';
import { refusalDetail } from '../../../renderer/src/features/agreements/agreement-errors';

const es = createTranslator('es-CL');
const definitions = new Map<string, VariableDefinition>([
  ['monto_reembolso', { name: 'monto_reembolso', label: 'Monto del reembolso', kind: 'amount_clp', source: 'mediator' }],
  ['plazo_reembolso', { name: 'plazo_reembolso', label: 'Plazo del reembolso', kind: 'business_days', source: 'mediator' }],
]);

describe('refused agreement operations, as the mediator reads them', () => {
  it('names the unfilled variables by their labels, once each', () => {
    const detail = refusalDetail(
      es,
      {
        code: 'invalid_input',
        message: 'unfilled',
        issues: [
          { path: 'variables.monto_reembolso', message: '', reason: 'unfilled_variables' },
          { path: 'variables.plazo_reembolso', message: '', reason: 'unfilled_variables' },
          { path: 'variables.monto_reembolso', message: '', reason: 'unfilled_variables' },
        ],
      },
      definitions,
    );
    expect(detail).toBe(`${es.t('agreementRefusal.unfilled_variables')} Monto del reembolso, Plazo del reembolso.`);
    const unfilled = { code: 'invalid_input' as const, message: 'unfilled', issues: [{ path: 'variables.monto_reembolso', message: '', reason: 'unfilled_variables' }] };
    expect(refusalDetail(es, unfilled, definitions, 'export')).toBe('Faltan datos para exportar esta versión: Monto del reembolso. Complételos y guarde una nueva versión.');
  });

  it('translates a reason without variables, and leaves errors without a known reason to the generic text', () => {
    expect(refusalDetail(es, { code: 'conflict', message: 'locked', issues: [{ path: '', message: '', reason: 'locked' }] }, definitions)).toBe(es.t('agreementRefusal.locked'));
    expect(refusalDetail(es, { code: 'invalid_input', message: 'x', issues: [{ path: 'content', message: 'bad', reason: 'not_a_reason' }] }, definitions)).toBeNull();
    expect(refusalDetail(es, { code: 'internal', message: 'boom' }, definitions)).toBeNull();
  });
});
