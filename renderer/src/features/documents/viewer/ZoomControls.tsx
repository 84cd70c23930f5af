import { useI18n } from '../../../i18n/i18n-context';
import { stepZoom } from '../document-format';

type Props = Readonly<{
  scale: number;
  fitted: boolean;
  fitLabel: string;
  onZoom: (scale: number) => void;
  onFit: () => void;
}>;

/** − 100 % + and the fit button, shared by the PDF and image viewers. */
export function ZoomControls({ scale, fitted, fitLabel, onZoom, onFit }: Props) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => onZoom(stepZoom(scale, -1))} aria-label={t('documents.zoom.out')} data-testid="zoom-out">
        −
      </button>
      <span className="zoom-value num" data-testid="zoom-value">
        {Math.round(scale * 100)} %
      </span>
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => onZoom(stepZoom(scale, 1))} aria-label={t('documents.zoom.in')} data-testid="zoom-in">
        +
      </button>
      <button type="button" className="btn btn-sm btn-ghost" aria-pressed={fitted} onClick={onFit} data-testid="zoom-fit">
        {fitLabel}
      </button>
    </>
  );
}
