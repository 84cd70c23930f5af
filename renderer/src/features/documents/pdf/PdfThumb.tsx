import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import type { PageSize } from './PdfPage';
import { useNearViewport } from './use-near-viewport';

const THUMB_WIDTH = 96;

type Props = Readonly<{
  doc: PDFDocumentProxy;
  pageNumber: number;
  guess: PageSize;
  root: HTMLElement | null;
  current: boolean;
  label: string;
  onSelect: (pageNumber: number) => void;
}>;

/** A small picture of a page in the sidebar, drawn once when it first scrolls into view. */
export function PdfThumb({ doc, pageNumber, guess, root, current, label, onSelect }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const near = useNearViewport(ref, root, '200px 0px');

  useEffect(() => {
    if (!near || drawn) return undefined;
    let cancelled = false;
    let task: RenderTask | null = null;
    void (async () => {
      const page = await doc.getPage(pageNumber);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const viewport = page.getViewport({ scale: THUMB_WIDTH / page.getViewport({ scale: 1 }).width });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = page.render({ canvas, viewport });
      await task.promise;
      if (!cancelled) setDrawn(true);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber, near, drawn]);

  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <button
      ref={ref}
      type="button"
      className={current ? 'pdf-thumb pdf-thumb-current' : 'pdf-thumb'}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
      onClick={() => onSelect(pageNumber)}
      data-testid="pdf-thumb"
    >
      <canvas ref={canvasRef} className="pdf-thumb-canvas" style={drawn ? { width: THUMB_WIDTH } : { width: THUMB_WIDTH, height: Math.round((guess.height / guess.width) * THUMB_WIDTH) }} />
      <span className="pdf-thumb-number">{pageNumber}</span>
    </button>
  );
}
