import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseBundle, CaseRecord, Category, Outcome, Stage, SubState } from '../../../shared/domain/case';
import type { Deadline, DeadlineKind } from '../../../shared/domain/deadline';
import type { Mediator } from '../../../shared/domain/people';
import { openStore, type Store } from '../../../electron/core/db/store';
import { profileRepository } from '../../../electron/core/repositories/profile-repository';

/** The fixed "now" of the store tests. */
export const NOW = new Date('2026-04-04T15:00:00.000Z');

export const MEDIATORS: Mediator[] = [
  { id: 'med-ana', name: 'Ana Contreras', email: 'ana@example.cl', role: 'mediator' },
  { id: 'med-bruno', name: 'Bruno Díaz', email: 'bruno@example.cl', role: 'mediator' },
  { id: 'adm-carla', name: 'Carla Soto', email: 'carla@example.cl', role: 'administrator' },
];

/** A fresh temporary folder; remove it with removeDir. */
export const makeTempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'mesa-core-'));
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

export const sha256OfFile = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

/** Opens a store in `dir` with the test mediators and Ana as local user. */
export async function openTestStore(dir: string, file = 'mesa.sqlite'): Promise<Store> {
  const store = await openStore(join(dir, file));
  await store.write(async (trx) => {
    await profileRepository.upsertMediators(trx, MEDIATORS);
    await profileRepository.setCurrentUser(trx, 'med-ana');
  });
  return store;
}

/** mulberry32: a tiny deterministic PRNG, so a failing case can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const CATEGORIES: Category[] = [
  'delivery_not_received', 'exchange_return', 'product_defect', 'unrecognized_charge',
  'incomplete_payment', 'unilateral_cancellation', 'late_delivery', 'warranty',
];
const SLOTS: Array<{ stage: Stage; subState: SubState | null }> = [
  { stage: 'new', subState: null },
  { stage: 'negotiation', subState: 'awaiting_brand_response' },
  { stage: 'negotiation', subState: 'in_negotiation' },
  { stage: 'mediation', subState: 'pending_acceptance' },
  { stage: 'mediation', subState: 'in_progress' },
  { stage: 'mediation', subState: 'agreement_drafting' },
  { stage: 'closed', subState: null },
];
const BRANDS = ['Tienda Ñuñoa', 'ElectroSur', 'Muebles Araucanía', 'Moda Viña', 'TecnoMás'];
const CONSUMERS = ['José Pérez', 'María Núñez', 'Ignacio Muñoz', 'Sofía Álvarez', 'Benjamín Rojas', 'Valentina González'];
const PHRASES = [
  'Solicito la devolución del dinero',
  'el producto llegó dañado',
  'cargo no reconocido en mi tarjeta',
  'pedí el cambio por garantía',
  'el envío nunca llegó a Concepción',
  'la empresa no respondió mi reclamo',
];
const AMOUNTS = [9_990, 19_990, 49_990, 50_000, 89_990, 149_990, 1_299_990];
const HOUR = 3_600_000;

/** `count` valid, varied bundles with many ties on the sort fields (to exercise the id tie-break). */
export function makeBundles(count: number, seed = 1, firstIndex = 0): CaseBundle[] {
  const random = prng(seed);
  const bundles: CaseBundle[] = [];
  for (let n = firstIndex; n < firstIndex + count; n += 1) {
    const id = `c${createHash('sha1').update(`${seed}:${n}`).digest('hex').slice(0, 12)}`;
    const slot = pick(random, SLOTS);
    // Filed on a whole hour in the 60 days before NOW: plenty of equal filedAt values.
    const filedAt = new Date(NOW.getTime() - Math.floor(random() * 60 * 24) * HOUR).toISOString();
    const updatedAt = new Date(Date.parse(filedAt) + Math.floor(random() * 72) * HOUR).toISOString();
    const closed = slot.stage === 'closed';
    const outcome: Outcome | null = closed ? 'party_withdrew' : null;
    const record: CaseRecord = {
      id,
      folio: `RL-2026-${String(n).padStart(6, '0')}`,
      stage: slot.stage,
      subState: slot.subState,
      channel: 'web_form',
      brandName: pick(random, BRANDS),
      storeName: `Sucursal ${pick(random, ['Providencia', 'Maipú', 'Temuco'])}`,
      orderNumber: `OC-${100000 + n}`,
      purchaseDate: filedAt.slice(0, 10),
      deliveryDate: null,
      amountClp: pick(random, AMOUNTS),
      paymentMethod: 'credit_card',
      category: pick(random, CATEGORIES),
      description: `${pick(random, PHRASES)}; ${pick(random, PHRASES)}.`,
      requestedRemedy: pick(random, ['Reembolso total', 'Cambio del producto', 'Reparación en garantía']),
      priorComplaint: random() < 0.5,
      damageReported: random() < 0.3,
      escalationCriteria: slot.stage === 'mediation' ? ['amount_threshold'] : [],
      assignedMediatorId: slot.stage === 'mediation' ? 'med-ana' : null,
      outcome,
      closedFromStage: closed ? 'negotiation' : null,
      filedAt,
      updatedAt,
      closedAt: closed ? updatedAt : null,
      version: 1,
    };
    const deadlines: Deadline[] = [];
    const deadlineCount = Math.floor(random() * 3);
    for (let k = 0; k < deadlineCount; k += 1) {
      // Due between 5 days ago and 10 days ahead, on whole hours, so all four deadline states occur.
      const dueAt = new Date(NOW.getTime() + (Math.floor(random() * 15 * 24) - 5 * 24) * HOUR).toISOString();
      const kind: DeadlineKind = pick(random, ['brand_response', 'mediation_acceptance', 'mediation_window', 'rating_amendment']);
      deadlines.push({
        id: `${id}-d${k}`,
        caseId: id,
        kind,
        startsAt: filedAt,
        dueAt,
        count: 'calendar',
        days: 5,
        status: random() < 0.7 ? 'open' : 'met',
      });
    }
    bundles.push({
      case: record,
      parties: [
        { id: `${id}-p1`, caseId: id, role: 'consumer', name: pick(random, CONSUMERS), rut: null, email: null, phone: null, representative: null },
        { id: `${id}-p2`, caseId: id, role: 'company', name: `${record.brandName} SpA`, rut: null, email: null, phone: null, representative: null },
      ],
      deadlines,
    });
  }
  return bundles;
}
