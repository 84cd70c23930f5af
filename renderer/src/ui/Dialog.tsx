import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

type Props = Readonly<{
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  confirmDisabled?: boolean;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** The confirm button's test id ('dialog-confirm' unless given). */
  confirmTestId?: string;
  /** A wider dialog, for forms. */
  wide?: boolean;
}>;

/** A modal built on the native <dialog>: focus trap, Escape and backdrop come from the browser. */
export function Dialog({ title, children, confirmLabel, cancelLabel, confirmDisabled, danger, busy, onConfirm, onCancel, testId, confirmTestId, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmDisabled && !busy) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <div className="dialog-body">
          <h2 className="dialog-title">{title}</h2>
          {children}
        </div>
        <div className="dialog-footer">
          <button type="button" className="btn" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="submit" className={danger ? 'btn btn-danger' : 'btn btn-primary'} disabled={confirmDisabled || busy} data-testid={confirmTestId ?? 'dialog-confirm'}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
