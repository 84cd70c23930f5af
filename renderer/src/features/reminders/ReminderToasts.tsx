import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract/events';
import { reminderText } from '../../../../shared/i18n';
import { useMesa } from '../../api/mesa-context';
import { useI18n } from '../../i18n/i18n-context';
import './reminders.css';

type Reminder = EventPayload<'reminderDue'> & { readonly shownAt: string };

/** At most this many reminders stay on screen; older ones give way. */
const MAX_SHOWN = 4;

/**
 * In-app reminders (the OS notification is the core's job): "Sesión conjunta en 1 hora —
 * RL-2026-000123". Only the kind, the time left and the folio: never names or case text, since
 * a shared screen may show them. Clicking opens the case; each stays until dismissed.
 */
export function ReminderToasts({ onOpenCase }: Readonly<{ onOpenCase: (caseId: string) => void }>) {
  const api = useMesa();
  const i18n = useI18n();
  const [reminders, setReminders] = useState<readonly Reminder[]>([]);

  useEffect(
    () =>
      api.on('reminderDue', (payload) => {
        const shownAt = new Date().toISOString();
        setReminders((prev) => [...prev.filter((r) => !(r.id === payload.id && r.leadMinutes === payload.leadMinutes)), { ...payload, shownAt }].slice(-MAX_SHOWN));
      }),
    [api],
  );

  const dismiss = (reminder: Reminder) => setReminders((prev) => prev.filter((r) => r !== reminder));

  return (
    <section className="toasts" aria-label={i18n.t('reminder.region')} aria-live="polite" data-testid="reminders">
      {reminders.map((reminder) => (
        <div key={`${reminder.id}-${reminder.leadMinutes}`} className={`toast toast-${reminder.kind}`} data-testid="reminder-toast" data-case-id={reminder.caseId}>
          <button
            type="button"
            className="toast-body"
            title={i18n.t('reminder.open')}
            onClick={() => {
              dismiss(reminder);
              onOpenCase(reminder.caseId);
            }}
          >
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d="M10 3a5 5 0 0 0-5 5v3l-1.5 3h13L15 11V8a5 5 0 0 0-5-5Zm-2 12a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
            </svg>
            <span>{reminderText(i18n, reminder, reminder.shownAt)}</span>
          </button>
          <button type="button" className="btn btn-ghost btn-sm toast-close" aria-label={i18n.t('reminder.dismiss')} onClick={() => dismiss(reminder)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
