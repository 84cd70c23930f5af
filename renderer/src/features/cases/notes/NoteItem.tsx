import { useState } from 'react';
import type { Note } from '../../../../../shared/domain/people';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDateTime } from '../../../format';
import { Dialog } from '../../../ui/Dialog';

type Props = Readonly<{
  note: Note;
  onSave: (note: Note, body: string) => Promise<boolean>;
  onDelete: (note: Note) => Promise<boolean>;
}>;

/** One private note: read, edit in place, or delete after confirming. */
export function NoteItem({ note, onSave, onDelete }: Props) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (draft === null || draft.trim() === '') return;
    setBusy(true);
    const saved = await onSave(note, draft);
    setBusy(false);
    if (saved) setDraft(null);
  };

  return (
    <li className="note" data-testid="note-item">
      {draft === null ? (
        <p className="note-body">{note.body}</p>
      ) : (
        <textarea
          className="textarea note-edit"
          value={draft}
          maxLength={20_000}
          onChange={(event) => setDraft(event.target.value)}
          aria-label={t('app.edit')}
          data-testid="note-edit-input"
          autoFocus
        />
      )}
      <div className="note-footer">
        <span className="note-meta num">
          <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, locale)}</time>
          {note.updatedAt !== note.createdAt ? ` · ${t('notes.edited', { date: formatDateTime(note.updatedAt, locale) })}` : ''}
        </span>
        <span className="note-buttons">
          {draft === null ? (
            <>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDraft(note.body)} data-testid="note-edit">
                {t('app.edit')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirming(true)} data-testid="note-delete">
                {t('app.delete')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDraft(null)}>
                {t('app.cancel')}
              </button>
              <button type="button" className="btn btn-primary btn-sm" disabled={busy || draft.trim() === ''} onClick={() => void save()} data-testid="note-edit-save">
                {t('app.save')}
              </button>
            </>
          )}
        </span>
      </div>
      {confirming ? (
        <Dialog
          title={t('notes.deleteConfirm')}
          confirmLabel={t('app.delete')}
          cancelLabel={t('app.cancel')}
          danger
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            setBusy(true);
            const deleted = await onDelete(note);
            setBusy(false);
            if (!deleted) setConfirming(false);
          }}
          testId="note-delete-dialog"
        >
          <p className="note-quote">{note.body.length > 200 ? `${note.body.slice(0, 200)}…` : note.body}</p>
        </Dialog>
      ) : null}
    </li>
  );
}
