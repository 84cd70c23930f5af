import type { MessageKey } from '../../../shared/i18n';

export type SectionId = 'cases' | 'agenda' | 'documents' | 'agreements' | 'dashboard';

export interface SectionDef {
  readonly id: SectionId;
  readonly label: MessageKey;
  /** For sections that are not built yet: what will live there. */
  readonly placeholder: MessageKey | null;
}

export const sections: readonly SectionDef[] = [
  { id: 'cases', label: 'nav.cases', placeholder: null },
  { id: 'agenda', label: 'nav.agenda', placeholder: null },
  { id: 'documents', label: 'nav.documents', placeholder: null },
  { id: 'agreements', label: 'nav.agreements', placeholder: null },
  { id: 'dashboard', label: 'nav.dashboard', placeholder: 'placeholder.dashboard' },
];
