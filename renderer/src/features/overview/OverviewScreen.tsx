import { useCallback, useRef, useState, type ReactNode } from 'react';
import { CaseView, type CaseOpening } from '../cases/view/CaseView';
import './overview.css';

interface OpenedCase {
  readonly caseId: string;
  readonly opening: CaseOpening;
}

/**
 * A cross-case section (Acuerdos, Documentos): its list, and the case opened over it on the tab
 * the row is about. The list stays mounted (and inert) under the case, keeping its scroll.
 */
export function OverviewScreen({ testId, children }: Readonly<{ testId: string; children: (open: (caseId: string, opening: CaseOpening) => void) => ReactNode }>) {
  const [opened, setOpened] = useState<OpenedCase | null>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const open = useCallback((caseId: string, opening: CaseOpening) => setOpened({ caseId, opening }), []);
  const close = useCallback(() => {
    setOpened(null);
    window.requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>('[data-overview-row]')?.focus());
  }, []);
  return (
    <div className="overview-screen" data-testid={testId}>
      <div className="overview-main" ref={mainRef} inert={opened !== null}>
        {children(open)}
      </div>
      {opened ? <CaseView key={opened.caseId} caseId={opened.caseId} opening={opened.opening} onClose={close} /> : null}
    </div>
  );
}
