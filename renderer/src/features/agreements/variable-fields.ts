import type { AgreementVariables } from '../../../../shared/agreements/content';
import type { VariableKind } from '../../../../shared/contract/agreements';
import { normalizeRut } from '../../../../shared/domain/rut';
import { formatClp, parseClp } from '../../../../shared/format/clp';
import { dateFieldText, normalizeDate } from '../cases/sessions/schedule-form';

/**
 * The variable fields of the editor: what a mediator types → the stored value, and the stored
 * value → the field text. Amounts are integer pesos, periods whole business days, dates
 * 'YYYY-MM-DD' typed day-first. How values print is the domain's (renderAgreement's display).
 */

type Value = AgreementVariables[string];

export type FieldError = 'amount' | 'days' | 'date' | 'rut';
export type FieldParse = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: FieldError };

const MAX_DAYS = 365;

export function parseField(kind: VariableKind, raw: string): FieldParse {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (kind) {
    case 'amount_clp': {
      const amount = parseClp(text);
      return amount === null ? { ok: false, error: 'amount' } : { ok: true, value: amount };
    }
    case 'business_days':
      return /^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_DAYS ? { ok: true, value: Number(text) } : { ok: false, error: 'days' };
    case 'date': {
      const date = normalizeDate(text);
      return date === null ? { ok: false, error: 'date' } : { ok: true, value: date };
    }
    case 'rut': {
      const rut = normalizeRut(text);
      return rut === null ? { ok: false, error: 'rut' } : { ok: true, value: rut };
    }
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'text':
      return { ok: true, value: raw };
  }
}

/** A stored value as the field shows it when the editor opens. */
export function fieldText(kind: VariableKind, value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (kind === 'amount_clp' && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return formatClp(value);
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFieldText(value);
  return String(value);
}
