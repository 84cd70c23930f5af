import { useRef, useState, type PointerEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { regionFromDrag, toFraction, type FractionPoint, type RedactionRegion } from './regions';

type Props = Readonly<{
  page: number;
  regions: readonly RedactionRegion[];
  onAdd: (region: RedactionRegion) => void;
  onRemove: (region: RedactionRegion) => void;
}>;

const boxStyle = (r: Pick<RedactionRegion, 'x' | 'y' | 'width' | 'height'>) => ({
  left: `${r.x * 100}%`,
  top: `${r.y * 100}%`,
  width: `${r.width * 100}%`,
  height: `${r.height * 100}%`,
});

/**
 * Laid over a page or an image in "Tachar" mode: a drag draws a rectangle to black out. The
 * rectangles are fractions of the surface, so they do not depend on the zoom.
 */
export function RedactionSurface({ page, regions, onAdd, onRemove }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<FractionPoint | null>(null);
  const [end, setEnd] = useState<FractionPoint | null>(null);

  const point = (event: PointerEvent) => {
    const box = ref.current?.getBoundingClientRect();
    return box ? toFraction(box, event.clientX, event.clientY) : null;
  };

  const draft = start && end ? regionFromDrag(page, start, end) : null;

  return (
    <div
      ref={ref}
      className="redaction-surface"
      data-testid="redaction-surface"
      data-page={page}
      onPointerDown={(event) => {
        if (event.button !== 0 || event.target !== event.currentTarget) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        setStart(point(event));
        setEnd(point(event));
      }}
      onPointerMove={(event) => {
        if (start) setEnd(point(event));
      }}
      onPointerUp={(event) => {
        const last = point(event);
        const region = start && last ? regionFromDrag(page, start, last) : null;
        if (region) onAdd(region);
        setStart(null);
        setEnd(null);
      }}
      onPointerCancel={() => {
        setStart(null);
        setEnd(null);
      }}
    >
      {regions.map((region, index) => (
        <div key={`${region.x}-${region.y}-${index}`} className="redaction-box" style={boxStyle(region)} data-testid="redaction-box">
          <button type="button" className="redaction-remove" aria-label={t('documents.redact.remove')} title={t('documents.redact.remove')} onClick={() => onRemove(region)}>
            ×
          </button>
        </div>
      ))}
      {draft ? <div className="redaction-box redaction-draft" style={boxStyle(draft)} /> : null}
    </div>
  );
}
