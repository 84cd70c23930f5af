import type { CaseDetailView } from '../../../../shared/contract/cases';

// SCAFFOLD: the agreements tab of the case view; replaced by issue 6 before it is resolved.
export function AgreementPanel({ detail }: Readonly<{ detail: CaseDetailView; readOnly: boolean }>) {
  return <div data-testid="agreements-panel" data-case-id={detail.id} />;
}
