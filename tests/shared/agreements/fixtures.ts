import { readFileSync } from 'node:fs';
import { loadAgreementLibrary } from '../../../shared/agreements/library';
import type { AgreementCaseFacts } from '../../../shared/agreements/variables';

/** The shipped library files, parsed (tests mutate copies of these). */
export function libraryFiles(): { clauses: { version: 1; clauses: Record<string, unknown>[] }; templates: { version: 1; templates: Record<string, unknown>[] } } {
  const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../resources/agreements/${name}`, import.meta.url), 'utf8'));
  return { clauses: read('clauses.json'), templates: read('templates.json') };
}

export const shippedLibrary = () => loadAgreementLibrary(libraryFiles());

/** Deterministic clause ids for snapshots and diffs. */
export function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

export const FACTS: AgreementCaseFacts = {
  folio: 'RL-2026-004512',
  brandName: 'Electro Sur',
  storeName: 'electrosur.cl',
  orderNumber: 'ES-99812',
  purchaseDate: '2026-10-02',
  amountClp: 150_000,
  paymentMethod: 'credit_card',
  category: 'delivery_not_received',
  assignedMediatorName: 'Carolina Fuentes Rojas',
  today: '2026-11-20',
  parties: [
    { id: 'p1', caseId: 'c1', role: 'consumer', name: 'María José Pérez Soto', rut: '12345678-5', email: 'mj@example.cl', phone: null, representative: null },
    {
      id: 'p2',
      caseId: 'c1',
      role: 'company',
      name: 'Electro Sur SpA',
      rut: '76543210-3',
      email: null,
      phone: null,
      representative: { name: 'Jorge Araya Díaz', rut: '9876543-3', email: null, capacity: 'apoderado' },
    },
  ],
};
