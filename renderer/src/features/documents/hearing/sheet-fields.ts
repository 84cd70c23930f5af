import type { HearingSheet } from '../../../../../shared/contract/documents';

export type SheetField = keyof Omit<HearingSheet, 'caseId' | 'updatedAt'>;

/** The preparation sheet's fields, in the order a mediator works through them. */
export const SHEET_FIELDS: readonly SheetField[] = ['consumerPosition', 'companyPosition', 'interests', 'issues', 'options', 'notes'];

export const SHEET_MAX_CHARS = 20_000;

/** True when the draft differs from what was last saved (only then is there something to save). */
export const sheetChanged = (draft: Readonly<Record<SheetField, string>>, saved: Readonly<Record<SheetField, string>>): boolean =>
  SHEET_FIELDS.some((field) => draft[field] !== saved[field]);
