// Update checks through electron-updater against the `publish` feed of electron-builder.yml.
// Packaged builds only: in development there is no app-update.yml and nothing to update.
const SIX_HOURS_MS = 6 * 60 * 60 * 1000;

export interface UpdaterOptions {
  readonly isPackaged: boolean;
  readonly log: (message: string) => void;
}

/** Checks at start and every six hours; failures (offline, feed down) are logged, never thrown. */
export async function startUpdateChecks(options: UpdaterOptions): Promise<void> {
  if (!options.isPackaged) return;
  // Loaded lazily so development runs and tests never load it; electron-updater is CommonJS,
  // hence the default import from this ES module.
  const { default: electronUpdater } = await import('electron-updater');
  const { autoUpdater } = electronUpdater;
  const check = (): void => {
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
      options.log(`[mesa] update check failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  check();
  setInterval(check, SIX_HOURS_MS).unref();
}
