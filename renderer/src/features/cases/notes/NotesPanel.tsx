import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { NoteItem } from './NoteItem';
import { useNotes } from './use-notes';
import './notes.css';
import { PrivacyNotice } from '../../../ui/PrivacyNotice';

/** The mediator's private notes: stored on this machine only, never synced or shown to the parties. */
type Props = Readonly<{
  caseId: string;
  /** Called after a note was added, edited or deleted (the case timeline gained an entry). */
  onChanged: () => void;
}>;

export function NotesPanel({ caseId, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const notes = useNotes(caseId, onChanged);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '' || saving) return;
    setSaving(true);
    if (await notes.add(draft)) setDraft('');
    setSaving(false);
  };

  return (
    <section className="panel panel-notes" aria-labelledby="case-notes-title" data-testid="notes">
      <h3 className="panel-title" id="case-notes-title">
        {t('notes.title')}
        {notes.notes.length > 0 ? <span className="panel-note">{i18n.plural('notes.count', notes.notes.length)}</span> : null}
      </h3>
      <PrivacyNotice text={t('notes.privacy')} />
      <form className="note-form" onSubmit={(event) => void submit(event)}>
        <textarea
          className="textarea"
          value={draft}
          maxLength={20_000}
          placeholder={t('notes.placeholder')}
          aria-label={t('notes.placeholder')}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
          data-testid="note-input"
        />
        <div className="note-form-actions">
          <button type="submit" className="btn btn-primary btn-sm" disabled={saving || draft.trim() === ''} data-testid="note-save">
            {t('notes.add')}
          </button>
        </div>
      </form>
      {notes.error ? <ErrorNotice error={notes.error} onRetry={notes.reload} testId="notes-error" /> : null}
      {!notes.loading && notes.notes.length === 0 ? <p className="muted">{t('notes.empty')}</p> : null}
      <ul className="notes-list">
        {notes.notes.map((note) => (
          <NoteItem key={note.id} note={note} onSave={notes.update} onDelete={notes.remove} />
        ))}
      </ul>
    </section>
  );
}
