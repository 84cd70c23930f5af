import { useEffect, useRef, useState } from 'react';
import { DOCUMENT_ACCESS_VALUES, DOCUMENT_LIMITS, DocumentCategory, type DocumentAccess, type DocumentView } from '../../../../../shared/contract/documents';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { formatBytes } from '../document-format';
import { isTooLarge } from '../list/documents-model';
import { documentErrorText, MAX_MB, refusalText } from '../refusal';
import type { StagedFile } from '../../../../../shared/contract/files';
import type { Result } from '../../../../../shared/contract/result';

type FileState = { readonly status: 'waiting' } | { readonly status: 'working' } | { readonly status: 'done'; readonly document: DocumentView } | { readonly status: 'failed'; readonly message: string };

type Props = Readonly<{
  caseId: string;
  files: readonly File[];
  /** Hands the bytes to the host (renderer/src/api/stage-file). */
  stage: (file: File) => Promise<Result<StagedFile>>;
  onDone: () => void;
  onCancel: () => void;
}>;

/**
 * Its own <dialog> rather than ui/Dialog: when every file has an outcome the only action left
 * is closing, so the footer changes. Category and visibility for the files picked or dropped, with the limits stated before
 * anything is sent. Each file is staged, then imported; a refused file says why and the others
 * still go in. The dialog stays open while any file failed, so the mediator reads the reason.
 */
export function ImportDialog({ caseId, files, stage, onDone, onCancel }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [category, setCategory] = useState<DocumentCategory>('otro');
  const [visibility, setVisibility] = useState<DocumentAccess>('mediator_only');
  const [states, setStates] = useState<readonly FileState[]>(() => files.map(() => ({ status: 'waiting' })));
  const [busy, setBusy] = useState(false);
  const finished = states.every((s) => s.status === 'done' || s.status === 'failed');
  const title = i18n.plural('documents.import.title', files.length);
  // Once every file has an outcome there is nothing to cancel: closing is all that is left.
  const close = finished ? onDone : onCancel;
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const setState = (index: number, state: FileState) => setStates((prev) => prev.map((s, i) => (i === index ? state : s)));

  const importOne = async (file: File, index: number): Promise<boolean> => {
    if (isTooLarge(file, DOCUMENT_LIMITS.maxBytes)) {
      setState(index, { status: 'failed', message: refusalText(i18n, 'too_large') ?? '' });
      return false;
    }
    setState(index, { status: 'working' });
    const staged = await stage(file);
    const result = staged.ok ? await api.importDocument({ caseId, staged: staged.value, category, visibility }) : staged;
    setState(index, result.ok ? { status: 'done', document: result.value } : { status: 'failed', message: documentErrorText(i18n, result.error) });
    return result.ok;
  };

  const start = async () => {
    if (finished) {
      onDone();
      return;
    }
    setBusy(true);
    let allOk = true;
    for (const [index, file] of files.entries()) allOk = (await importOne(file, index)) && allOk;
    setBusy(false);
    if (allOk) onDone();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog dialog-wide"
      aria-label={title}
      data-testid="import-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) close();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void start();
        }}
      >
        <div className="dialog-body">
          <h2 className="dialog-title">{title}</h2>
          <ul className="import-files">
            {files.map((file, index) => {
              const state = states[index] ?? { status: 'waiting' };
              const tooBig = isTooLarge(file, DOCUMENT_LIMITS.maxBytes);
              return (
                <li key={`${file.name}-${index}`} className={`import-file import-${state.status}`} data-testid="import-file" data-status={state.status}>
                  <span className="import-file-name" title={file.name}>
                    {state.status === 'done' ? state.document.fileName : file.name}
                  </span>
                  <span className={tooBig ? 'num import-too-big' : 'muted num'}>{formatBytes(file.size, locale)}</span>
                  <span className="import-file-state">
                    {state.status === 'working' ? <span className="spinner spinner-sm" aria-label={t('documents.import.working')} /> : null}
                    {state.status === 'done' ? <span className="import-ok">✓ {t('documents.import.done')}</span> : null}
                  </span>
                  {state.status === 'failed' ? (
                    <span className="import-error" role="alert" data-testid="import-error">
                      {state.message}
                    </span>
                  ) : tooBig ? (
                    <span className="import-error">{refusalText(i18n, 'too_large')}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="muted import-limits" data-testid="import-limits">
            {t('documents.limits.maxSize', { maxMb: MAX_MB })} {t('documents.import.limitsMore', { maxName: DOCUMENT_LIMITS.maxNameLength })}
          </p>
          <label className="doc-field">
            <span className="doc-label">{t('documents.import.category')}</span>
            <select className="select" value={category} onChange={(e) => setCategory(DocumentCategory.parse(e.target.value))} disabled={busy || finished} data-testid="import-category">
              {DocumentCategory.options.map((c) => (
                <option key={c} value={c}>
                  {t(`documentCategory.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="doc-field">
            <legend className="doc-label">{t('documents.import.visibility')}</legend>
            <div className="radio-list">
              {DOCUMENT_ACCESS_VALUES.map((value) => (
                <label key={value} className="radio-option">
                  <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} disabled={busy || finished} data-testid={`import-visibility-${value}`} />
                  <span>
                    {t(`documentVisibility.${value}`)}
                    <span className="muted radio-hint">{t(`documents.import.visibilityHint.${value}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="dialog-footer">
          {finished ? null : (
            <button type="button" className="btn" onClick={close} disabled={busy}>
              {t('app.cancel')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="import-confirm">
            {finished ? t('app.close') : t('documents.import.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
