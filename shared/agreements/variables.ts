import type { VariableDefinition, VariableKind } from '../contract/agreements';
import { FULFILMENT_DATE_VARIABLE } from '../contract/agreements';
import type { AgreementVariables } from './content';
import type { CaseDetail, Category, PaymentMethod } from '../domain/case';
import { dueLocalDate, endOfLocalDay } from '../domain/deadlines';
import { HolidayCoverageError } from '../domain/holidays';
import { formatRut, normalizeRut } from '../domain/rut';
import { epochDay } from '../domain/zoned-day';
import { formatClp } from '../format/clp';
import { issue, type AgreementIssue } from './issues';
import { formatLegalDate } from './legal-format';
import { businessDaysInWords, clpInWords, MAX_NUMBER_IN_WORDS } from './number-words';

/**
 * The closed catalogue of agreement variables. A template or clause may only name these;
 * anything else is a `missing_variable` error when the library loads and when a draft renders.
 *
 * Sources:
 * - case: filled by caseVariables() when a template is instantiated; stored with the version
 *   like every other value, so the mediator may correct them (a consumer without RUT on file).
 * - mediator: typed in the editor (amounts, deadlines, products, voucher codes…).
 * - computed: never stored; derived at rendering from the others (see COMPUTATIONS):
 *   `<amount>_texto` → "$150.000 (ciento cincuenta mil pesos)",
 *   `<plazo>_texto` → "diez (10) días hábiles",
 *   `<plazo>_fecha` → the date that many business days (Chilean holidays, America/Santiago)
 *   after `fecha_acuerdo`, and `fecha_cumplimiento` → the last of the deadlines the rendered
 *   clauses use (or `fecha_acuerdo` when they set none): the fulfilment deadline the flow tracks.
 */

export type Computation =
  | { readonly kind: 'amount_words'; readonly from: string }
  | { readonly kind: 'days_words'; readonly from: string }
  | { readonly kind: 'due_date'; readonly from: string }
  | { readonly kind: 'fulfilment_date' };

export interface VariableSpec extends VariableDefinition {
  readonly compute?: Computation;
}

const base = (name: string, kind: VariableKind, source: 'case' | 'mediator', label: string): VariableSpec => ({ name, kind, source, label });

const CASE_VARIABLES: readonly VariableSpec[] = [
  base('folio', 'text', 'case', 'Folio del caso'),
  base('nombre_consumidor', 'text', 'case', 'Nombre del consumidor'),
  base('rut_consumidor', 'rut', 'case', 'RUT del consumidor'),
  base('nombre_empresa', 'text', 'case', 'Razón social de la empresa'),
  base('rut_empresa', 'rut', 'case', 'RUT de la empresa'),
  base('nombre_representante', 'text', 'case', 'Representante de la empresa'),
  base('rut_representante', 'rut', 'case', 'RUT del representante'),
  base('calidad_representante', 'text', 'case', 'Calidad del representante'),
  base('tienda', 'text', 'case', 'Tienda'),
  base('numero_pedido', 'text', 'case', 'Número de pedido'),
  base('fecha_compra', 'date', 'case', 'Fecha de compra'),
  base('monto_caso', 'amount_clp', 'case', 'Monto reclamado'),
  base('medio_pago', 'text', 'case', 'Medio de pago'),
  base('motivo_reclamo', 'text', 'case', 'Motivo del reclamo'),
  base('nombre_mediador', 'text', 'case', 'Mediador'),
  base('fecha_acuerdo', 'date', 'case', 'Fecha del acuerdo'),
];

const MEDIATOR_VARIABLES: readonly VariableSpec[] = [
  base('monto_reembolso', 'amount_clp', 'mediator', 'Monto del reembolso'),
  base('forma_reembolso', 'text', 'mediator', 'Forma del reembolso'),
  base('plazo_reembolso', 'business_days', 'mediator', 'Plazo del reembolso'),
  base('devolucion_producto', 'boolean', 'mediator', 'El consumidor devuelve el producto'),
  base('plazo_devolucion', 'business_days', 'mediator', 'Plazo para devolver el producto'),
  base('producto_reemplazo', 'text', 'mediator', 'Producto de reemplazo'),
  base('plazo_reemplazo', 'business_days', 'mediator', 'Plazo del reemplazo'),
  base('detalle_reparacion', 'text', 'mediator', 'Reparación comprometida'),
  base('servicio_tecnico', 'text', 'mediator', 'Servicio técnico'),
  base('plazo_reparacion', 'business_days', 'mediator', 'Plazo de la reparación'),
  base('producto_faltante', 'text', 'mediator', 'Producto faltante'),
  base('direccion_entrega', 'text', 'mediator', 'Dirección de entrega'),
  base('plazo_entrega', 'business_days', 'mediator', 'Plazo de entrega'),
  base('emisor_tarjeta', 'text', 'mediator', 'Emisor de la tarjeta'),
  base('monto_reversa', 'amount_clp', 'mediator', 'Monto del cargo a reversar'),
  base('plazo_reversa', 'business_days', 'mediator', 'Plazo para solicitar la reversa'),
  base('monto_compensacion', 'amount_clp', 'mediator', 'Monto de la compensación'),
  base('concepto_compensacion', 'text', 'mediator', 'Concepto de la compensación'),
  base('plazo_compensacion', 'business_days', 'mediator', 'Plazo de la compensación'),
  base('codigo_cupon', 'text', 'mediator', 'Código del cupón'),
  base('monto_cupon', 'amount_clp', 'mediator', 'Valor del cupón o descuento'),
  base('plazo_cupon', 'business_days', 'mediator', 'Plazo para entregar el cupón'),
  base('vigencia_cupon', 'date', 'mediator', 'Cupón válido hasta'),
  base('plataforma_resenas', 'text', 'mediator', 'Plataforma de reseñas'),
  base('accion_resena', 'text', 'mediator', 'Acción sobre la evaluación'),
  base('plazo_resena', 'business_days', 'mediator', 'Plazo para la evaluación'),
];

const computed = (name: string, kind: VariableKind, label: string, compute: Computation): VariableSpec => ({ name, kind, source: 'computed', label, compute });

/**
 * Periods counted from something other than the agreement's date (the review is amended after
 * the company fulfils): no `_fecha`, and they do not move fecha_cumplimiento.
 */
const NOT_FROM_AGREEMENT_DATE = new Set(['plazo_resena']);

function derivedFrom(spec: VariableSpec): VariableSpec[] {
  if (spec.kind === 'amount_clp') return [computed(`${spec.name}_texto`, 'text', `${spec.label} (en palabras)`, { kind: 'amount_words', from: spec.name })];
  if (spec.kind !== 'business_days') return [];
  const words = computed(`${spec.name}_texto`, 'text', `${spec.label} (en palabras)`, { kind: 'days_words', from: spec.name });
  if (NOT_FROM_AGREEMENT_DATE.has(spec.name)) return [words];
  return [words, computed(`${spec.name}_fecha`, 'date', `${spec.label} (fecha de vencimiento)`, { kind: 'due_date', from: spec.name })];
}

const INPUTS = [...CASE_VARIABLES, ...MEDIATOR_VARIABLES];

/** Every variable, in the order the editor lists them. */
export const VARIABLE_CATALOGUE: readonly VariableSpec[] = Object.freeze([
  ...INPUTS,
  ...INPUTS.flatMap(derivedFrom),
  computed(FULFILMENT_DATE_VARIABLE, 'date', 'Fecha de cumplimiento del acuerdo', { kind: 'fulfilment_date' }),
]);

const BY_NAME: ReadonlyMap<string, VariableSpec> = new Map(VARIABLE_CATALOGUE.map((spec) => [spec.name, spec]));

export const variableSpec = (name: string): VariableSpec | undefined => BY_NAME.get(name);

/** The stored variables a name depends on (itself for an input; its source for a computed one). */
export function inputsOf(name: string, usedNames: Iterable<string> = []): string[] {
  const spec = BY_NAME.get(name);
  if (!spec?.compute) return [name];
  if (spec.compute.kind === 'amount_words' || spec.compute.kind === 'days_words') return [spec.compute.from];
  if (spec.compute.kind === 'due_date') return [spec.compute.from, 'fecha_acuerdo'];
  return ['fecha_acuerdo', ...usedDeadlines(usedNames)];
}

/** The business-day periods among the names a text uses, directly or through `_texto`/`_fecha`. */
function usedDeadlines(usedNames: Iterable<string>): string[] {
  const periods = new Set<string>();
  for (const name of usedNames) {
    for (const input of inputsOf(name)) if (BY_NAME.get(input)?.kind === 'business_days' && !NOT_FROM_AGREEMENT_DATE.has(input)) periods.add(input);
  }
  return [...periods];
}

/* ---------- values ---------- */

const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const isLocalDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * Control characters (tab and line breaks allowed) and lone surrogates: Word's XML cannot hold
 * them and a PDF cannot draw them, so they are refused when typed rather than dropped on export.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Longest period an agreement may set (same bound as deadlines). */
const MAX_BUSINESS_DAYS = 365;

/** Why a value does not fit its variable, or null when it fits (blank values fit: they are unfilled). */
function valueProblem(spec: VariableSpec, value: unknown): AgreementIssue | null {
  if (isBlank(value)) return null;
  const path = `variables.${spec.name}`;
  const wrong = (what: string): AgreementIssue => issue('invalid_variable', path, `${spec.name} must be ${what}, got ${JSON.stringify(value)}`);
  switch (spec.kind) {
    case 'text':
      return typeof value === 'string' && !UNPRINTABLE.test(value) ? null : wrong('printable text (no control characters or broken Unicode)');
    case 'rut':
      return typeof value === 'string' && normalizeRut(value) !== null ? null : wrong('a valid RUT');
    case 'amount_clp':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_NUMBER_IN_WORDS
        ? null
        : issue('invalid_amount', path, `${spec.name} must be a whole number of pesos (0-${MAX_NUMBER_IN_WORDS}), got ${JSON.stringify(value)}`);
    case 'business_days':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_BUSINESS_DAYS ? null : wrong(`a whole number of business days 1-${MAX_BUSINESS_DAYS}`);
    case 'date':
      return isLocalDate(value) ? null : wrong('a date YYYY-MM-DD');
    case 'boolean':
      return typeof value === 'boolean' ? null : wrong('true or false');
  }
}

/**
 * Problems in a variables record: names outside the catalogue (`missing_variable`), values
 * stored for computed variables, and values of the wrong type (`invalid_amount` for a CLP
 * amount that is not a whole non-negative number, `invalid_variable` otherwise).
 */
export function checkVariables(variables: AgreementVariables): AgreementIssue[] {
  return Object.entries(variables).flatMap(([name, value]) => {
    const spec = BY_NAME.get(name);
    if (!spec) return [issue('missing_variable', `variables.${name}`, `${name} is not an agreement variable`)];
    if (spec.compute) return isBlank(value) ? [] : [issue('invalid_variable', `variables.${name}`, `${name} is computed and cannot be set`)];
    const problem = valueProblem(spec, value);
    return problem ? [problem] : [];
  });
}

/** A stored value as the acta writes it. Assumes checkVariables passed for it. */
function display(spec: VariableSpec, value: AgreementVariables[string]): string {
  switch (spec.kind) {
    case 'rut':
      return formatRut(normalizeRut(String(value)) ?? String(value));
    case 'amount_clp':
      return formatClp(Number(value));
    case 'date':
      return formatLegalDate(String(value));
    case 'boolean':
      return value === true ? 'sí' : 'no';
    case 'business_days':
      return String(value);
    case 'text':
      return String(value).trim();
  }
}

export interface ResolvedVariables {
  /** Every catalogue variable as the acta writes it; null while it (or what it derives from) has no value. */
  readonly display: Readonly<Record<string, string | null>>;
  /** Dates of the computed deadlines ('YYYY-MM-DD'), e.g. plazo_reembolso_fecha, fecha_cumplimiento. */
  readonly dates: Readonly<Record<string, string>>;
  readonly issues: readonly AgreementIssue[];
}

/**
 * Text for every variable, computed ones included. `usedNames` are the variables the rendered
 * text uses: fecha_cumplimiento is the last deadline among them (all filled periods when omitted).
 */
export function resolveVariables(variables: AgreementVariables, usedNames?: Iterable<string>): ResolvedVariables {
  const issues = checkVariables(variables);
  const bad = new Set(issues.map((problem) => problem.path.slice('variables.'.length)));
  const out: Record<string, string | null> = {};
  const dates: Record<string, string> = {};
  const value = (name: string): AgreementVariables[string] | undefined => (bad.has(name) || isBlank(variables[name]) ? undefined : variables[name]);

  const dueDate = (period: string): string | null => {
    const days = value(period);
    const start = value('fecha_acuerdo');
    if (typeof days !== 'number' || typeof start !== 'string') return null;
    try {
      return dueLocalDate({ startsAt: endOfLocalDay(start), count: 'business', days });
    } catch (error) {
      if (!(error instanceof HolidayCoverageError)) throw error;
      issues.push(issue('invalid_variable', `variables.${period}`, `${period}: ${error.message}; the due date cannot be computed`));
      return null;
    }
  };

  for (const spec of VARIABLE_CATALOGUE) {
    const compute = spec.compute;
    if (!compute) {
      const stored = value(spec.name);
      out[spec.name] = stored === undefined ? null : display(spec, stored);
      continue;
    }
    if (compute.kind === 'amount_words' || compute.kind === 'days_words') {
      const amount = value(compute.from);
      out[spec.name] = typeof amount !== 'number' ? null : compute.kind === 'amount_words' ? clpInWords(amount) : businessDaysInWords(amount);
    } else if (compute.kind === 'due_date') {
      const due = dueDate(compute.from);
      if (due) dates[spec.name] = due;
      out[spec.name] = due ? formatLegalDate(due) : null;
    }
  }

  const periods = usedDeadlines(usedNames ?? MEDIATOR_VARIABLES.filter((spec) => value(spec.name) !== undefined).map((spec) => spec.name));
  const dues = periods.map((period) => dates[`${period}_fecha`] ?? null);
  const start = value('fecha_acuerdo');
  const fulfilment = dues.includes(null) || typeof start !== 'string' ? null : [start, ...(dues as string[])].sort().at(-1) ?? null;
  if (fulfilment) dates[FULFILMENT_DATE_VARIABLE] = fulfilment;
  out[FULFILMENT_DATE_VARIABLE] = fulfilment ? formatLegalDate(fulfilment) : null;
  return { display: out, dates, issues };
}

/* ---------- from the case ---------- */

/** The case facts the variables come from: a CaseDetail plus the agreement's date. */
export type AgreementCaseFacts = Pick<
  CaseDetail,
  'folio' | 'brandName' | 'storeName' | 'orderNumber' | 'purchaseDate' | 'amountClp' | 'paymentMethod' | 'category' | 'parties' | 'assignedMediatorName'
> & {
  /** The agreement's date ('YYYY-MM-DD', Santiago): business-day deadlines count from it. */
  readonly today: string;
};

const PAYMENT_METHOD_TEXT: Readonly<Record<PaymentMethod, string>> = {
  credit_card: 'tarjeta de crédito',
  debit_card: 'tarjeta de débito',
  bank_transfer: 'transferencia bancaria',
  cash: 'pago en efectivo',
  digital_wallet: 'billetera digital',
  store_credit: 'crédito de la tienda',
};

const CLAIM_TEXT: Readonly<Record<Category, string>> = {
  delivery_not_received: 'la falta de entrega del producto adquirido',
  exchange_return: 'el cambio o la devolución del producto adquirido',
  product_defect: 'fallas o defectos del producto adquirido',
  unrecognized_charge: 'un cargo no reconocido por el consumidor',
  incomplete_payment: 'un pago no aplicado o aplicado en forma incompleta',
  unilateral_cancellation: 'la anulación unilateral de la compra por parte del proveedor',
  late_delivery: 'el retraso en la entrega del producto adquirido',
  warranty: 'el ejercicio de la garantía legal del producto adquirido',
};

/** Values of every case-sourced variable (null where the case has none, e.g. a consumer without RUT). */
export function caseVariables(facts: AgreementCaseFacts): AgreementVariables {
  const consumer = facts.parties.find((party) => party.role === 'consumer');
  const company = facts.parties.find((party) => party.role === 'company');
  const representative = company?.representative ?? null;
  return {
    folio: facts.folio,
    nombre_consumidor: consumer?.name ?? null,
    rut_consumidor: consumer?.rut ?? null,
    nombre_empresa: company?.name ?? facts.brandName,
    rut_empresa: company?.rut ?? null,
    nombre_representante: representative?.name ?? null,
    rut_representante: representative?.rut ?? null,
    calidad_representante: representative?.capacity ?? null,
    tienda: facts.storeName,
    numero_pedido: facts.orderNumber,
    fecha_compra: facts.purchaseDate,
    monto_caso: facts.amountClp,
    medio_pago: PAYMENT_METHOD_TEXT[facts.paymentMethod],
    motivo_reclamo: CLAIM_TEXT[facts.category],
    nombre_mediador: facts.assignedMediatorName,
    fecha_acuerdo: facts.today,
  };
}
