import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { stepZoom } from '../document-format';
import { RedactionSurface } from '../redaction/RedactionSurface';
import type { RedactionControls } from '../redaction/use-redaction';
import { ViewerProblem } from './ViewerProblem';
import { ZoomControls } from './ZoomControls';

type Props = Readonly<{ url: string; alt: string; redaction: RedactionControls }>;
type Size = { readonly width: number; readonly height: number };

/**
 * An image: fit to the viewer, zoom (buttons, +/−/0 keys, Ctrl+wheel), pan by dragging, rotate
 * by quarter turns. In "Tachar" mode it stands still, upright, so rectangles map onto the
 * file's own pixels.
 */
export function ImageViewer({ url, alt, redaction }: Props) {
  const { t } = useI18n();
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  const [stageSize, setStageSize] = useState<Size>({ width: 800, height: 600 });
  const [natural, setNatural] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);
  const [chosenZoom, setZoom] = useState<'fit' | number>('fit');
  const [chosenRotation, setRotation] = useState(0);
  const [chosenPan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; panX: number; panY: number } | null>(null);

  useEffect(() => {
    if (!stage) return undefined;
    const measure = () => setStageSize({ width: stage.clientWidth, height: stage.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(stage);
    return () => observer.disconnect();
  }, [stage]);

  // "Tachar" shows the image upright, fitted and still; leaving it restores the mediator's view.
  const zoom = redaction.active ? 'fit' : chosenZoom;
  const rotation = redaction.active ? 0 : chosenRotation;
  const pan = redaction.active ? { x: 0, y: 0 } : chosenPan;

  if (failed) return <ViewerProblem reason={null} />;

  const turned = rotation % 180 !== 0;
  const fitScale = natural
    ? Math.min(1, (stageSize.width - 32) / (turned ? natural.height : natural.width), (stageSize.height - 32) / (turned ? natural.width : natural.height))
    : 1;
  const scale = zoom === 'fit' ? fitScale : zoom;
  const reset = () => {
    setZoom('fit');
    setPan({ x: 0, y: 0 });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') setZoom(stepZoom(scale, 1));
    else if (event.key === '-') setZoom(stepZoom(scale, -1));
    else if (event.key === '0') reset();
    else return;
    event.preventDefault();
  };

  return (
    <div className="image-viewer" data-testid="image-viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('documents.viewer.toolbar')}>
        <ZoomControls scale={scale} fitted={zoom === 'fit'} fitLabel={t('documents.zoom.fit')} onZoom={setZoom} onFit={reset} />
        <span className="toolbar-sep" />
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          onClick={() => {
            setRotation((r) => (r + 90) % 360);
            setPan({ x: 0, y: 0 });
          }}
          disabled={redaction.active}
          data-testid="image-rotate"
        >
          ↻ {t('documents.image.rotate')}
        </button>
        {!redaction.active ? <span className="muted toolbar-hint">{t('documents.image.panHint')}</span> : null}
      </div>
      <div
        ref={setStage}
        className={redaction.active ? 'image-stage' : 'image-stage image-stage-pan'}
        tabIndex={0}
        aria-label={alt}
        onKeyDown={onKeyDown}
        onDoubleClick={reset}
        onWheel={(event) => {
          if (!event.ctrlKey) return;
          setZoom(stepZoom(scale, event.deltaY < 0 ? 1 : -1));
        }}
        onPointerDown={(event) => {
          if (redaction.active || event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { x: event.clientX, y: event.clientY, panX: pan.x, panY: pan.y };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (start) setPan({ x: start.panX + event.clientX - start.x, y: start.panY + event.clientY - start.y });
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        <div
          className="image-frame"
          data-testid="image-frame"
          data-rotation={rotation}
          style={{
            width: natural ? natural.width * scale : undefined,
            height: natural ? natural.height * scale : undefined,
            transform: `translate(-50%, -50%) translate(${pan.x}px, ${pan.y}px) rotate(${rotation}deg)`,
          }}
        >
          <img
            src={url}
            alt={alt}
            draggable={false}
            onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
            onError={() => setFailed(true)}
            data-testid="image-view"
          />
          {redaction.active ? <RedactionSurface page={1} regions={redaction.regions} onAdd={redaction.add} onRemove={redaction.remove} /> : null}
        </div>
      </div>
    </div>
  );
}
