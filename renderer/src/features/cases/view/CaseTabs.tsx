import type { MessageKey } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n/i18n-context';

export type CaseTab = 'chat' | 'summary' | 'documents' | 'agreement';

const tabs: readonly { readonly id: CaseTab; readonly label: MessageKey }[] = [
  { id: 'chat', label: 'caseTab.chat' },
  { id: 'summary', label: 'caseTab.summary' },
  { id: 'documents', label: 'caseTab.documents' },
  { id: 'agreement', label: 'caseTab.agreement' },
];

/** Switches the wide column between the conversations and the claim's summary. */
export function CaseTabs({ value, onChange }: Readonly<{ value: CaseTab; onChange: (tab: CaseTab) => void }>) {
  const { t } = useI18n();
  return (
    <div className="case-tabs" role="tablist" aria-label={t('caseTab.label')}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === value}
          className="case-tab"
          onClick={() => onChange(tab.id)}
          data-testid={`case-tab-${tab.id}`}
        >
          {t(tab.label)}
        </button>
      ))}
    </div>
  );
}
