import { useCallback, useEffect, useState } from 'react';
import type { AgreementVersion } from '../../../../shared/contract/agreements';
import { applyDraftChange, draftDiffers, type AgreementDraft, type DraftChange } from './agreement-draft';
import { createDraftStorage, type StoredDraft } from './draft-storage';

export interface DraftState {
  /** The editable draft, or null while the newest version is shown read-only (sent, accepted, final). */
  readonly draft: AgreementDraft | null;
  readonly dirty: boolean;
  /** A draft left unsaved in an earlier session that differs from the newest version. */
  readonly offer: StoredDraft | null;
  /** Changes whenever the draft is replaced as a whole, so the clause editors start afresh. */
  readonly generation: string;
  readonly change: (change: DraftChange) => void;
  /** Starts a new version from the given one's text (the newest version stays its `basedOn`). */
  readonly editFrom: (version: Pick<AgreementVersion, 'content' | 'variables'>) => void;
  readonly restore: () => void;
  readonly dismissOffer: () => void;
  readonly discard: () => void;
  /** A save succeeded: the newest version is now the draft's base and nothing is pending. */
  readonly saved: () => void;
}

interface Edit {
  readonly draft: AgreementDraft;
  /** A new version started from a locked one (or a recovered draft): unsaved work even before its first change. */
  readonly forked: boolean;
}

const draftOf = (caseId: string, version: AgreementVersion): AgreementDraft => ({ caseId, basedOn: version.number, content: version.content, variables: version.variables });
const storage = () => createDraftStorage(window.localStorage);

/**
 * Cases whose draft was edited since this page loaded: coming back to one (another tab of the
 * case, another case and back) picks the draft up as it was. Only a draft from an earlier page
 * load (a reload, a crash) is offered for recovery first.
 */
const editedThisSession = new Set<string>();

/**
 * The draft on top of the newest version. While nothing is edited it is the newest version
 * itself (when that one may still change); the mediator's edits are written to local storage
 * on every change and removed only by a successful save or an explicit discard, so a reload, a
 * crash or a refused save never loses what was typed.
 */
export function useAgreementDraft(caseId: string, latest: AgreementVersion | null, final: boolean): DraftState {
  const [initial] = useState(() => {
    const saved = storage().read(caseId);
    return editedThisSession.has(caseId) && saved ? { edit: { draft: saved, forked: false }, stored: null } : { edit: null, stored: saved };
  });
  const [edit, setEdit] = useState<Edit | null>(initial.edit);
  const [replaced, setReplaced] = useState(0);
  // An offer stays until the mediator restores or dismisses it.
  const [stored, setStored] = useState<StoredDraft | null>(initial.stored);
  const editable = latest !== null && !latest.locked && !final;

  const dirty = edit !== null && latest !== null && (edit.forked || draftDiffers(edit.draft, latest));
  const draft = dirty ? edit.draft : editable ? draftOf(caseId, latest) : null;
  const offer = stored && latest && !final && draftDiffers(stored, latest) ? stored : null;

  // Keep the unsaved draft on this computer; never overwrite one still on offer.
  useEffect(() => {
    if (offer || !latest) return;
    if (dirty && draft) {
      storage().write(draft, new Date().toISOString());
      editedThisSession.add(caseId);
    } else storage().clear(caseId);
  }, [caseId, draft, dirty, offer, latest]);

  const replace = useCallback((next: Edit | null) => {
    setEdit(next);
    setReplaced((n) => n + 1);
  }, []);

  const change = useCallback(
    (next: DraftChange) =>
      setEdit((current) => {
        const base = current?.draft ?? (latest ? draftOf(caseId, latest) : null);
        return base ? { draft: applyDraftChange(base, next), forked: current?.forked ?? false } : current;
      }),
    [caseId, latest],
  );
  const editFrom = useCallback(
    (version: Pick<AgreementVersion, 'content' | 'variables'>) => {
      if (latest) replace({ draft: { caseId, basedOn: latest.number, content: version.content, variables: version.variables }, forked: true });
    },
    [caseId, latest, replace],
  );
  const restore = useCallback(() => {
    if (offer) replace({ draft: { caseId, basedOn: offer.basedOn, content: offer.content, variables: offer.variables }, forked: true });
    setStored(null);
  }, [caseId, offer, replace]);
  const dismissOffer = useCallback(() => {
    storage().clear(caseId);
    setStored(null);
  }, [caseId]);
  const discard = useCallback(() => {
    storage().clear(caseId);
    replace(null);
  }, [caseId, replace]);
  const saved = useCallback(() => {
    storage().clear(caseId);
    replace(null);
  }, [caseId, replace]);

  return { draft, dirty, offer, generation: `${replaced}-${draft?.basedOn ?? 0}`, change, editFrom, restore, dismissOffer, discard, saved };
}
