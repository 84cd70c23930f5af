// Reminders as OS notifications. The core decides when and builds the text (kind, time left,
// folio — never party names or case text: a notification shows on a locked screen).
import { Notification } from 'electron';
import type { Notifier } from '../core/schedule/notifier';

export function electronNotifier(): Notifier {
  return {
    notify(title, body) {
      if (!Notification.isSupported()) return;
      new Notification({ title, body }).show();
    },
  };
}
