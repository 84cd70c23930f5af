import type { CaseSortField } from '../../../../../shared/contract/cases';
import type { MessageKey } from '../../../../../shared/i18n';

export interface Column {
  readonly id: string;
  readonly label: MessageKey;
  /** Set when the server can sort by this column. */
  readonly sort: CaseSortField | null;
  readonly align: 'start' | 'end';
}

/** Column order; widths live in case-list.css (`--case-columns`), shared by header and rows. */
export const columns: readonly Column[] = [
  { id: 'folio', label: 'cases.col.folio', sort: 'folio', align: 'start' },
  { id: 'consumer', label: 'cases.col.consumer', sort: null, align: 'start' },
  { id: 'brand', label: 'cases.col.brand', sort: null, align: 'start' },
  { id: 'category', label: 'cases.col.category', sort: null, align: 'start' },
  { id: 'stage', label: 'cases.col.stage', sort: null, align: 'start' },
  { id: 'amount', label: 'cases.col.amount', sort: 'amount', align: 'end' },
  { id: 'filed', label: 'cases.col.filed', sort: 'filedAt', align: 'start' },
  { id: 'deadline', label: 'cases.col.deadline', sort: 'nextDeadline', align: 'start' },
];
