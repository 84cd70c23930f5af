import { useCallback, useState } from 'react';
import type { AppInfo } from '../../../shared/contract/app';
import { AgendaScreen } from '../features/agenda/AgendaScreen';
import { CasesScreen } from '../features/cases/CasesScreen';
import { AgreementsOverview } from '../features/overview/AgreementsOverview';
import { DocumentsOverview } from '../features/overview/DocumentsOverview';
import { Placeholder } from '../features/placeholder/Placeholder';
import { ReminderToasts } from '../features/reminders/ReminderToasts';
import { OfflineBanner } from '../features/sync/OfflineBanner';
import { SyncProvider } from '../features/sync/sync-context';
import { AppInfoProvider } from './app-info-context';
import { Header } from './Header';
import { sections, type SectionId } from './sections';
import { Sidebar } from './Sidebar';

/** Left navigation, header, and the current section. */
export function AppShell({ info }: Readonly<{ info: AppInfo }>) {
  const [section, setSection] = useState<SectionId>('cases');
  const current = sections.find((s) => s.id === section) ?? sections[0];
  // A case opened from outside the Casos section (a reminder): the list mounts with it open.
  const [caseRequest, setCaseRequest] = useState<{ readonly caseId: string; readonly seq: number } | null>(null);
  const openCase = useCallback((caseId: string) => {
    setSection('cases');
    setCaseRequest((prev) => ({ caseId, seq: (prev?.seq ?? 0) + 1 }));
  }, []);

  return (
    <AppInfoProvider info={info}>
    <SyncProvider>
    <div className="shell">
      <Sidebar current={section} onSelect={setSection} version={info.version} />
      <div className="shell-main">
        <Header user={info.user} sectionLabel={current?.label ?? 'nav.cases'} />
        <OfflineBanner />
        <main className="shell-content" id="main">
          {current?.placeholder ? (
            <Placeholder title={current.label} body={current.placeholder} />
          ) : section === 'agenda' ? (
            <AgendaScreen />
          ) : section === 'agreements' ? (
            <AgreementsOverview />
          ) : section === 'documents' ? (
            <DocumentsOverview />
          ) : (
            <CasesScreen key={caseRequest?.seq ?? 0} initialCaseId={caseRequest?.caseId ?? null} />
          )}
        </main>
      </div>
      <ReminderToasts onOpenCase={openCase} />
    </div>
    </SyncProvider>
    </AppInfoProvider>
  );
}
