/**
 * The OS notification, as the core sees it. The Electron host shows a system notification
 * (electron/main/notifier.ts); the web host and tests use silentNotifier — the renderer shows
 * the in-app reminder from the `reminderDue` event either way. Text passed here never carries
 * confidential content: a session kind or deadline kind, a time and a folio.
 */
export interface Notifier {
  notify(title: string, body: string): void;
}

export const silentNotifier: Notifier = { notify: () => undefined };
