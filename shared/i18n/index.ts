/**
 * The one i18n layer of Mesa. Plain TypeScript (no React, no DOM) so the renderer and the main
 * process (menus, dialogs) share the same catalogues.
 */
export { esCL, type MessageKey } from './catalogues/es-CL';
export { en } from './catalogues/en';
export {
  createTranslator,
  defaultLocale,
  interpolate,
  locales,
  resolveLocale,
  type MessageParams,
  type PluralBase,
  type Translator,
} from './translator';
export { enumLabelKeys, isLabelKey, type EnumLabelKey } from './enum-labels';
export { errorMessage } from './error-message';
export { countdownText } from './countdown';
export { auditDetails } from './audit-details';
export { agoText, isTransientSyncError, syncSummary, type SyncSummary, type SyncTone } from './sync-text';
export { dstGap, durationText, longDate, refusalText, reminderText, warningText, workingDaysText, type DstGap } from './schedule-text';
