import { z } from 'zod';
import { AgreementContent, AgreementVariables } from '../../../../shared/agreements/content';
import type { AgreementDraft } from './agreement-draft';

/**
 * Unsaved drafts survive a reload, a crash or a refused save: each change is written to local
 * storage under the case, and removed only once a save succeeded. What comes back is validated,
 * so a damaged or foreign entry is ignored (and left for inspection) rather than trusted.
 */

export interface StoredDraft extends AgreementDraft {
  /** When it was last written (ISO instant), to tell the mediator how old it is. */
  readonly storedAt: string;
}

const Stored = z.object({
  caseId: z.string(),
  basedOn: z.number().int().min(1),
  content: AgreementContent,
  variables: AgreementVariables,
  storedAt: z.iso.datetime(),
});

const keyOf = (caseId: string): string => `mesa.agreement-draft.${caseId}`;

export interface DraftStorage {
  read(caseId: string): StoredDraft | null;
  write(draft: AgreementDraft, now: string): void;
  clear(caseId: string): void;
}

export function createDraftStorage(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): DraftStorage {
  return {
    read(caseId) {
      const raw = storage.getItem(keyOf(caseId));
      if (raw === null) return null;
      try {
        const parsed = Stored.safeParse(JSON.parse(raw));
        return parsed.success && parsed.data.caseId === caseId ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(draft, now) {
      const stored: StoredDraft = { caseId: draft.caseId, basedOn: draft.basedOn, content: draft.content, variables: draft.variables, storedAt: now };
      try {
        storage.setItem(keyOf(draft.caseId), JSON.stringify(stored));
      } catch {
        // Storage full or disabled: the draft is still in memory; nothing better to do here.
      }
    },
    clear(caseId) {
      storage.removeItem(keyOf(caseId));
    },
  };
}
