import type { CaseBundle, Category, Channel, PaymentMethod } from '../../../shared/domain/case';
import { SANTIAGO } from '../../../shared/domain/deadlines';
import { escalationCriteria } from '../../../shared/domain/eligibility';
import { HOLIDAY_TABLE_YEARS } from '../../../shared/domain/holidays';
import type { Party, Representative } from '../../../shared/domain/party';
import type { Mediator } from '../../../shared/domain/people';
import { rutFromBody } from '../../../shared/domain/rut';
import { addDays, dateOfEpochDay, localEpochDayOf } from '../../../shared/domain/zoned-day';
import { formatClp } from '../../../shared/format/clp';
import { formatLocalDate } from '../../../shared/format/dates';
import { pickScenario, reachesMediation, replay, scheduleOffsets } from './history';
import { mixSeed, Rng } from './prng';
import * as V from './vocabulary';

/**
 * Deterministic demo data: the same (seed, now, mediators) always gives the same cases, and
 * case N does not depend on `count` (each case has its own PRNG stream), so 100 cases are the
 * first 100 of 100 000. A generator, so 100 000 cases stream to the importer in constant memory.
 */

/** The demo center: five mediators and one administrator (fictional people). */
export const DEMO_MEDIATORS: readonly Mediator[] = Object.freeze([
  { id: 'med-valentina-soto', name: 'Valentina Soto Araya', email: 'valentina.soto@mediacion.example', role: 'mediator' },
  { id: 'med-rodrigo-fuentes', name: 'Rodrigo Fuentes Lagos', email: 'rodrigo.fuentes@mediacion.example', role: 'mediator' },
  { id: 'med-francisca-munoz', name: 'Francisca Muñoz Pizarro', email: 'francisca.munoz@mediacion.example', role: 'mediator' },
  { id: 'med-tomas-herrera', name: 'Tomás Herrera Vidal', email: 'tomas.herrera@mediacion.example', role: 'mediator' },
  { id: 'med-ignacio-contreras', name: 'Ignacio Contreras Bustos', email: 'ignacio.contreras@mediacion.example', role: 'mediator' },
  { id: 'adm-patricia-navarro', name: 'Patricia Navarro Quiroz', email: 'patricia.navarro@mediacion.example', role: 'administrator' },
]);

export interface DemoOptions {
  readonly seed: number;
  readonly count: number;
  readonly now: Date;
  /** Who mediation cases are assigned to (those with role 'mediator'); defaults to DEMO_MEDIATORS. */
  readonly mediators?: readonly Mediator[];
}

/** Folios carry 6 digits, so at most this many distinct demo cases. */
export const MAX_DEMO_CASES = 1_000_000;
const DAY = 86_400_000;
/** Filing dates spread over the last ~18 months. */
const SPAN_MS = 548 * DAY;

const BRAND_WEIGHTS = V.BRANDS.map((b) => [b, b.weight] as const);
const PRODUCTS_OF = new Map(V.BRANDS.map((b) => [b, V.PRODUCTS.filter((p) => b.sectors.includes(p.sector))]));
const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ['delivery_not_received', 20], ['exchange_return', 14], ['product_defect', 16], ['unrecognized_charge', 8],
  ['incomplete_payment', 6], ['unilateral_cancellation', 8], ['late_delivery', 16], ['warranty', 12],
];
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [['web_form', 60], ['marketplace', 15], ['review_platform', 10], ['email', 10], ['phone', 5]];
const PAYMENT_WEIGHTS: readonly (readonly [PaymentMethod, number])[] = [
  ['credit_card', 45], ['debit_card', 25], ['bank_transfer', 12], ['digital_wallet', 10], ['store_credit', 5], ['cash', 3],
];
const CARD_PAYMENTS: readonly (readonly [PaymentMethod, number])[] = [['credit_card', 70], ['debit_card', 20], ['digital_wallet', 10]];
/** Days between purchase and filing, per category. */
const PURCHASE_AGE: Readonly<Record<Category, readonly [number, number]>> = {
  delivery_not_received: [5, 30], exchange_return: [3, 20], product_defect: [3, 45], unrecognized_charge: [1, 20],
  incomplete_payment: [1, 10], unilateral_cancellation: [2, 12], late_delivery: [8, 35], warranty: [30, 170],
};

export function* generateDemoCases(options: DemoOptions): Generator<CaseBundle> {
  const { seed, count, now } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEMO_CASES) throw new RangeError(`count must be 0-${MAX_DEMO_CASES}, got ${count}`);
  const nowMs = now.getTime();
  // Business-day deadlines need holiday data: no filing before the table starts (local midnight, −03).
  const windowStart = Math.max(nowMs - SPAN_MS, Date.UTC(HOLIDAY_TABLE_YEARS.first, 0, 1, 3));
  const mediators = (options.mediators ?? DEMO_MEDIATORS).filter((m) => m.role === 'mediator');
  for (let index = 1; index <= count; index++) {
    yield generateCase(new Rng(mixSeed(seed, index)), index, nowMs, windowStart, mediators);
  }
}

function generateCase(rng: Rng, index: number, nowMs: number, windowStart: number, mediators: readonly Mediator[]): CaseBundle {
  const id = `case-${String(index).padStart(6, '0')}`;
  const scenario = pickScenario(rng);
  const offsets = scheduleOffsets(rng, scenario);
  const filedAtMs = filingTime(rng, scenario, offsets.at(-1) ?? 0, nowMs, windowStart);
  const filedAt = new Date(filedAtMs).toISOString();

  const brand = rng.weighted(BRAND_WEIGHTS);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const product = rng.pick(PRODUCTS_OF.get(brand) ?? V.PRODUCTS);
  const amountClp = category === 'unrecognized_charge' ? priceLike(rng, rng.logUniform(4_990, 450_000)) : orderAmount(rng, product);

  const facts = {
    amountClp,
    priorComplaint: rng.chance(0.35),
    damageReported: rng.chance(category === 'product_defect' || category === 'warranty' ? 0.22 : category === 'late_delivery' || category === 'delivery_not_received' ? 0.05 : 0.02),
  };
  // Only eligible cases reach mediation (eligibility.ts); the usual missing fact is a prior complaint.
  if (reachesMediation(scenario) && escalationCriteria(facts).length === 0) facts.priorComplaint = true;

  const filedDate = dateOfEpochDay(localEpochDayOf(filedAtMs, SANTIAGO));
  const [minAge, maxAge] = PURCHASE_AGE[category];
  const age = rng.int(minAge, maxAge);
  const purchase = addDays(filedDate, -age);
  const deliveryDate = deliveryFor(rng, category, purchase, age);
  const storeName = `${brand.name} — ${rng.pick(V.STORE_SUFFIXES)}`;
  const orderNumber = brand.orderPrefix ? `${brand.orderPrefix}-${rng.int(1_000_000, 9_999_999)}` : String(rng.int(1_000_000_000, 9_999_999_999));
  const vars: Record<string, string> = {
    product: product.phrase,
    store: storeName,
    courier: rng.pick(V.COURIERS),
    date: formatLocalDate(purchase, 'es-CL'),
    promised: formatLocalDate(addDays(purchase, rng.int(3, 6)), 'es-CL'),
    order: orderNumber,
    amount: formatClp(amountClp),
    ticket: String(rng.int(100_000, 9_999_999)),
  };
  const text = V.CATEGORY_TEXT[category];
  const description = [
    rng.pick(text.openings ?? V.PURCHASE_OPENINGS),
    rng.pick(V.fitting(text.problems, product.sector)),
    facts.priorComplaint ? rng.pick(V.PRIOR_COMPLAINT) : rng.pick(V.NO_PRIOR_COMPLAINT),
    facts.damageReported ? rng.pick(V.fitting(V.DAMAGE, product.sector)) : '',
    rng.pick(V.CLOSINGS),
  ]
    .filter((sentence) => sentence !== '')
    .map((sentence) => fill(sentence, vars))
    .join(' ');
  const requestedRemedy = fill(rng.pick(text.remedies) + (rng.chance(0.3) ? rng.pick(V.REMEDY_ADDONS) : ''), vars);

  const life = replay(id, brand.name, facts, scenario, offsets, filedAtMs, nowMs);
  const assignedMediatorId = reachesMediation(scenario) ? pickMediator(rng, mediators) : null;
  const { deadlines, ...state } = life;
  return {
    case: {
      id,
      // Year of filing (Santiago) + six digits of the case number: unique up to MAX_DEMO_CASES.
      folio: `RL-${filedDate.slice(0, 4)}-${String(index % MAX_DEMO_CASES).padStart(6, '0')}`,
      channel: rng.weighted(CHANNEL_WEIGHTS),
      brandName: brand.name,
      storeName,
      orderNumber,
      purchaseDate: purchase,
      deliveryDate,
      paymentMethod: rng.weighted(category === 'unrecognized_charge' ? CARD_PAYMENTS : PAYMENT_WEIGHTS),
      category,
      description,
      requestedRemedy,
      ...facts, // amountClp, priorComplaint, damageReported
      assignedMediatorId,
      filedAt,
      ...state,
    },
    parties: [consumerParty(rng, id), companyParty(rng, id, brand)],
    deadlines,
  };
}

/** When the case was filed, so that its whole history fits before `now`. */
function filingTime(rng: Rng, scenario: readonly { type: string }[], duration: number, nowMs: number, windowStart: number): number {
  const closed = scenario.at(-1)?.type === 'close';
  // Active cases are recent: their last step happened 0-9 days ago (0-3 for new ones).
  const latest = nowMs - duration - (closed ? 3_600_000 : rng.between(0, scenario.length === 0 ? 3 : 9) * DAY);
  const filed = closed ? rng.between(windowStart, Math.max(windowStart, latest)) : latest;
  return Math.floor(Math.max(windowStart, filed) / 1000) * 1000;
}

/** Prices as Chilean shops write them: mostly ending in 990. */
function priceLike(rng: Rng, raw: number): number {
  const roll = rng.next();
  if (roll < 0.65) return Math.max(990, Math.floor(raw / 1000) * 1000 + 990);
  if (roll < 0.85) return Math.max(100, Math.round(raw / 100) * 100);
  return Math.max(10, Math.round(raw / 10) * 10);
}

function orderAmount(rng: Rng, product: V.Product): number {
  const unit = priceLike(rng, rng.logUniform(product.min, product.max));
  const quantity = rng.weighted([[1, 90], [2, 8], [3, 2]] as const);
  const shipping = rng.chance(0.3) ? rng.pick([2_990, 3_990, 4_990, 5_990, 7_990]) : 0;
  return unit * quantity + shipping;
}

function deliveryFor(rng: Rng, category: Category, purchase: string, age: number): string | null {
  switch (category) {
    case 'delivery_not_received':
    case 'incomplete_payment':
    case 'unilateral_cancellation':
    case 'unrecognized_charge':
      return null;
    case 'late_delivery':
      // Still not delivered in ~30 % of late-delivery claims.
      return rng.chance(0.3) ? null : addDays(purchase, rng.int(Math.min(8, age), age));
    default:
      return addDays(purchase, rng.int(1, Math.min(7, age)));
  }
}

const fill = (template: string, vars: Readonly<Record<string, string>>): string => template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);

/** Caseloads are uneven on purpose, so the per-mediator metrics have something to show. */
function pickMediator(rng: Rng, mediators: readonly Mediator[]): string {
  if (mediators.length === 0) throw new RangeError('Demo data needs at least one mediator to assign mediation cases to');
  return rng.weighted(mediators.map((m, i) => [m.id, mediators.length + 1 - i] as const));
}

const slug = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '.');

function personName(rng: Rng): { first: string; last: string; full: string } {
  const first = rng.pick(V.FIRST_NAMES);
  const last = rng.pick(V.SURNAMES);
  return { first, last, full: `${first} ${last} ${rng.pick(V.SURNAMES)}` };
}

const personRut = (rng: Rng): string => rutFromBody(rng.int(6_000_000, 27_999_999));
const mobile = (rng: Rng): string => `+56 9 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`;

function consumerParty(rng: Rng, caseId: string): Party {
  const person = personName(rng);
  let representative: Representative | null = null;
  if (rng.chance(0.06)) {
    const rep = personName(rng);
    representative = { name: rep.full, rut: personRut(rng), email: `${slug(rep.first)}.${slug(rep.last)}@correo.example`, capacity: rng.pick(V.CONSUMER_REP_CAPACITIES) };
  }
  return {
    id: `${caseId}-c`,
    caseId,
    role: 'consumer',
    name: person.full,
    // About 3 % are foreigners without a Chilean RUT.
    rut: rng.chance(0.97) ? personRut(rng) : null,
    email: rng.chance(0.9) ? `${slug(person.first)}.${slug(person.last)}${rng.int(1, 99)}@correo.example` : null,
    phone: rng.chance(0.85) ? mobile(rng) : null,
    representative,
  };
}

function companyParty(rng: Rng, caseId: string, brand: V.Brand): Party {
  let representative: Representative | null = null;
  if (rng.chance(0.55)) {
    const rep = personName(rng);
    representative = {
      name: rep.full,
      rut: rng.chance(0.7) ? personRut(rng) : null,
      email: `${slug(rep.first)}.${slug(rep.last)}@${brand.domain}`,
      capacity: rng.pick(V.COMPANY_REP_CAPACITIES),
    };
  }
  return {
    id: `${caseId}-e`,
    caseId,
    role: 'company',
    name: brand.legalName,
    rut: rutFromBody(brand.rutBody),
    email: `reclamos@${brand.domain}`,
    phone: `+56 2 2${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    representative,
  };
}
