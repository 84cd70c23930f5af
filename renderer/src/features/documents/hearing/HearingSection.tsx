import { HearingExports } from './HearingExports';
import { HearingReadinessCard } from './HearingReadinessCard';
import { HearingSheetForm } from './HearingSheetForm';

/** The "Preparar audiencia" sub-tab: offline readiness, the private sheet, the two PDF exports. */
export function HearingSection({ caseId }: Readonly<{ caseId: string }>) {
  return (
    <div className="hearing-section" data-testid="hearing-section">
      <HearingReadinessCard caseId={caseId} />
      <HearingSheetForm caseId={caseId} />
      <HearingExports caseId={caseId} />
    </div>
  );
}
