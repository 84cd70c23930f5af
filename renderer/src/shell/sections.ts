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
  { id: 'documents', label: 'nav.documents', placeholder: 'placeholder.documents' },
  { id: 'agreements', label: 'nav.agreements', placeholder: 'placeholder.agreements' },
  { id: 'dashboard', label: 'nav.dashboard', placeholder: 'placeholder.dashboard' },
];
