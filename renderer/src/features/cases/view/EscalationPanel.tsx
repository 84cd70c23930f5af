import type { EscalationCriterion } from '../../../../../shared/domain/case';
import { useI18n } from '../../../i18n/i18n-context';

/** "Por qué se escaló a mediación": the eligibility criteria recorded when the case escalated. */
export function EscalationPanel({ criteria }: Readonly<{ criteria: readonly EscalationCriterion[] }>) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="case-escalation-title" data-testid="escalation">
      <h3 className="panel-title" id="case-escalation-title">
        {t('escalation.title')}
      </h3>
      {criteria.length === 0 ? (
        <p className="muted">{t('escalation.none')}</p>
      ) : (
        <ul className="criteria">
          {criteria.map((criterion) => (
            <li key={criterion} className="criterion" data-testid={`criterion-${criterion}`}>
              <span className="criterion-check" aria-hidden="true">
                ✓
              </span>
              <div>
                <p className="criterion-label">{t(`escalation.${criterion}`)}</p>
                <p className="criterion-why">{t(`escalation.${criterion}.why`)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
