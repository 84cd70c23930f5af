import type { Stage, SubState } from '../../../shared/domain/case';
import { useI18n } from '../i18n/i18n-context';

type Props = Readonly<{ stage: Stage; subState?: SubState | null; compact?: boolean }>;

/** The stage as a coloured badge, followed by the sub-state as a quieter one. */
export function StageBadge({ stage, subState, compact = false }: Props) {
  const { t } = useI18n();
  const subLabel = subState ? t(`subState.${subState}`) : null;
  return (
    <span className="stage-badges" title={subLabel ? `${t(`stage.${stage}`)} · ${subLabel}` : undefined}>
      <span className={`badge badge-stage-${stage}`}>{t(`stage.${stage}`)}</span>
      {subLabel && !compact ? <span className="badge badge-sub">{subLabel}</span> : null}
    </span>
  );
}
