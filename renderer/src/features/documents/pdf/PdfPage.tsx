import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import { loadPdfjs } from './pdfjs';
import { normalizeForSearch } from './text-search';
import { useNearViewport } from './use-near-viewport';

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

type Props = Readonly<{
  doc: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  /** Size at scale 1 until the page itself is loaded (page 1's, a good guess for most files). */
  guess: PageSize;
  scroller: HTMLElement | null;
  query: string;
  selected: boolean;
  onPainted?: (pageNumber: number) => void;
  label: string;
  children?: ReactNode;
}>;

const isCancel = (error: unknown): boolean => error instanceof Error && error.name === 'RenderingCancelledException';

/** Marks the text-layer pieces that contain the search text (pdf.js's own highlight class). */
function markMatches(divs: readonly HTMLElement[], query: string, selected: boolean): void {
  const needle = normalizeForSearch(query.trim());
  for (const div of divs) {
    const hit = needle !== '' && normalizeForSearch(div.textContent).includes(needle);
    div.classList.toggle('highlight', hit);
    div.classList.toggle('selected', hit && selected);
  }
}

/**
 * One page: a placeholder of the right size, painted only while it is near the visible part of
 * the scroller and released when it leaves (a 300-page PDF keeps a handful of canvases). The
 * canvas is drawn at the screen's pixel ratio; the text layer above it gives selection and
 * search highlights.
 */
export function PdfPage({ doc, pageNumber, scale, guess, scroller, query, selected, onPainted, label, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const textDivs = useRef<readonly HTMLElement[]>([]);
  const [size, setSize] = useState<PageSize | null>(null);
  const [painted, setPainted] = useState(false);
  const [textReady, setTextReady] = useState(0);
  const [failed, setFailed] = useState(false);
  const near = useNearViewport(ref, scroller);

  useEffect(() => {
    if (!near) return undefined;
    let cancelled = false;
    let task: RenderTask | null = null;
    let textLayer: TextLayer | null = null;
    const canvas = canvasRef.current;
    const text = textRef.current;
    void (async () => {
      const page = await doc.getPage(pageNumber);
      if (cancelled || !canvas || !text) return;
      const base = page.getViewport({ scale: 1 });
      setSize({ width: base.width, height: base.height });
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (cancelled) return;
      setPainted(true);
      onPainted?.(pageNumber);
      const { TextLayer: Layer } = await loadPdfjs();
      if (cancelled) return;
      text.replaceChildren();
      textLayer = new Layer({ textContentSource: page.streamTextContent(), container: text, viewport });
      await textLayer.render();
      if (cancelled) return;
      textDivs.current = textLayer.textDivs;
      setTextReady((n) => n + 1);
    })().catch((error: unknown) => {
      if (!cancelled && !isCancel(error)) setFailed(true);
    });
    return () => {
      cancelled = true;
      task?.cancel();
      textLayer?.cancel();
      textDivs.current = [];
      text?.replaceChildren();
      // Give the pixels back: far pages hold no bitmap.
      if (canvas) {
        canvas.width = 0;
        canvas.height = 0;
      }
      setPainted(false);
    };
  }, [doc, pageNumber, scale, near, onPainted]);

  useEffect(() => {
    markMatches(textDivs.current, query, selected);
  }, [query, selected, textReady]);

  const shown = size ?? guess;
  const width = Math.floor(shown.width * scale);
  const height = Math.floor(shown.height * scale);
  return (
    <div
      ref={ref}
      className={selected ? 'pdf-page pdf-page-selected' : 'pdf-page'}
      style={{ width, height, ['--scale-factor' as string]: scale }}
      data-testid="pdf-page"
      data-page={pageNumber}
      data-rendered={painted ? 'true' : 'false'}
      aria-label={label}
      role="group"
    >
      {/* No bitmap until the page is near (a canvas starts at 300×150 pixels otherwise). */}
      <canvas ref={canvasRef} className="pdf-canvas" width={0} height={0} style={{ width, height }} />
      <div ref={textRef} className="textLayer" />
      {failed ? <div className="pdf-page-failed" aria-hidden="true">!</div> : null}
      {children}
    </div>
  );
}
