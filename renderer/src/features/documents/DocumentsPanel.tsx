import type { CaseDetailView } from '../../../../shared/contract/cases';

// SCAFFOLD: the documents tab of the case view; replaced by issue 4 before it is resolved.
export function DocumentsPanel({ detail }: Readonly<{ detail: CaseDetailView; readOnly: boolean }>) {
  return <div data-testid="documents-panel" data-case-id={detail.id} />;
}
