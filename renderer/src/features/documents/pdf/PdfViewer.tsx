import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useI18n } from '../../../i18n/i18n-context';
import { ZoomControls } from '../viewer/ZoomControls';
import { RedactionSurface } from '../redaction/RedactionSurface';
import type { RedactionControls } from '../redaction/use-redaction';
import { ViewerProblem } from '../viewer/ViewerProblem';
import { PdfPage, type PageSize } from './PdfPage';
import { PdfThumb } from './PdfThumb';
import { countMatches, pageOfMatch, stepMatch, type PageMatches } from './text-search';
import { usePdfDocument } from './use-pdf-document';
import { Loading } from '../viewer/Loading';

type Props = Readonly<{ url: string; redaction: RedactionControls; initialQuery: string }>;

/** A PDF from a FileLink URL: loading, the reason it cannot be shown, or the document. */
export function PdfViewer({ url, redaction, initialQuery }: Props) {
  const state = usePdfDocument(url);
  if (state.status === 'loading') {
    return <Loading />;
  }
  if (state.status === 'failed') return <ViewerProblem reason={state.problem} />;
  return <PdfDocumentView doc={state.doc} redaction={redaction} initialQuery={initialQuery} />;
}

async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await (await doc.getPage(pageNumber)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
}

const PAGE_GAP_TOP = 12;

function PdfDocumentView({ doc, redaction, initialQuery }: Readonly<{ doc: PDFDocumentProxy; redaction: RedactionControls; initialQuery: string }>) {
  const i18n = useI18n();
  const { t } = i18n;
  const pageCount = doc.numPages;
  // The element as state (the pages' IntersectionObserver root) and as a ref (to scroll it).
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const attachScroller = useCallback((element: HTMLDivElement | null) => {
    scrollerRef.current = element;
    setScroller(element);
  }, []);
  const [thumbsRoot, setThumbsRoot] = useState<HTMLElement | null>(null);
  const [guess, setGuess] = useState<PageSize | null>(null);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [fitScale, setFitScale] = useState(1);
  const [current, setCurrent] = useState(1);
  const [pageInput, setPageInput] = useState('1');
  const [firstPainted, setFirstPainted] = useState(false);
  const [showThumbs, setShowThumbs] = useState(true);
  const [query, setQuery] = useState(initialQuery);
  const [activeQuery, setActiveQuery] = useState('');
  const [matches, setMatches] = useState<readonly PageMatches[]>([]);
  const [matchIndex, setMatchIndex] = useState(0);
  const [searching, setSearching] = useState(false);
  const searchRun = useRef(0);
  const texts = useRef(new Map<number, string>());

  useEffect(() => {
    let cancelled = false;
    void doc.getPage(1).then((page) => {
      const viewport = page.getViewport({ scale: 1 });
      if (!cancelled) setGuess({ width: viewport.width, height: viewport.height });
    });
    return () => {
      cancelled = true;
    };
  }, [doc]);

  // Fit width follows the viewer's width (window resized, thumbnails shown or hidden).
  useEffect(() => {
    if (!scroller || !guess) return undefined;
    const measure = () => setFitScale(Math.max(0.1, (scroller.clientWidth - 40) / guess.width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller, guess]);

  const scale = zoom === 'fit' ? fitScale : zoom;

  // Keep the same place in the document when the scale changes.
  const lastHeight = useRef(0);
  useEffect(() => {
    const element = scrollerRef.current;
    if (!element) return;
    const previous = lastHeight.current;
    if (previous > 0) element.scrollTop = (element.scrollTop / previous) * element.scrollHeight;
    lastHeight.current = element.scrollHeight;
  }, [scale, scroller]);

  const goTo = useCallback(
    (pageNumber: number) => {
      const target = Math.min(pageCount, Math.max(1, pageNumber));
      const element = scrollerRef.current;
      const page = element?.querySelector<HTMLElement>(`.pdf-page[data-page="${target}"]`);
      if (element && page) element.scrollTop = page.offsetTop - PAGE_GAP_TOP;
      setCurrent(target);
      setPageInput(String(target));
    },
    [pageCount],
  );

  // The current page is the one crossing the upper third of the viewer.
  const frame = useRef(0);
  const onScroll = () => {
    if (frame.current) return;
    frame.current = window.requestAnimationFrame(() => {
      frame.current = 0;
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const line = scroller.scrollTop + scroller.clientHeight / 3;
      const pages = scroller.querySelectorAll<HTMLElement>('.pdf-page');
      let low = 0;
      let high = pages.length - 1;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        const page = pages[mid];
        if (page && page.offsetTop + page.offsetHeight < line) low = mid + 1;
        else high = mid;
      }
      setCurrent(low + 1);
      setPageInput(String(low + 1));
    });
  };

  const runSearch = async (text: string) => {
    const run = ++searchRun.current;
    setActiveQuery(text);
    setMatches([]);
    setMatchIndex(0);
    if (text === '') return;
    setSearching(true);
    const found: PageMatches[] = [];
    for (let page = 1; page <= pageCount; page += 1) {
      let content = texts.current.get(page);
      if (content === undefined) {
        content = await pageText(doc, page).catch(() => '');
        texts.current.set(page, content);
      }
      if (run !== searchRun.current) return;
      const count = countMatches(content, text);
      if (count > 0) {
        found.push({ page, count });
        setMatches([...found]);
        if (found.length === 1) goTo(page);
      }
    }
    setSearching(false);
  };

  // A search from the document list continues here once the pages are laid out.
  const searchedInitially = useRef(false);
  useEffect(() => {
    if (!guess || !scroller || searchedInitially.current || initialQuery.trim() === '') return;
    searchedInitially.current = true;
    void runSearch(initialQuery.trim());
  });

  const total = matches.reduce((sum, m) => sum + m.count, 0);
  const selectedPage = total > 0 ? pageOfMatch(matches, matchIndex) : null;

  const step = (direction: 1 | -1) => {
    const next = stepMatch(matches, matchIndex, direction);
    if (next === null) return;
    setMatchIndex(next);
    const page = pageOfMatch(matches, next);
    if (page !== null) goTo(page);
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const text = query.trim();
    if (text !== '' && text === activeQuery && total > 0) step(1);
    else void runSearch(text);
  };

  const onPainted = useCallback((pageNumber: number) => {
    if (pageNumber === 1) setFirstPainted(true);
  }, []);

  const pages = useMemo(() => Array.from({ length: pageCount }, (_, i) => i + 1), [pageCount]);

  return (
    <div className="pdf-viewer" data-testid="pdf-viewer" data-page-count={pageCount}>
      <div className="viewer-toolbar" role="toolbar" aria-label={t('documents.viewer.toolbar')}>
        <button type="button" className="btn btn-sm btn-ghost" aria-pressed={showThumbs} onClick={() => setShowThumbs((v) => !v)} data-testid="pdf-thumbs-toggle">
          {t('documents.pdf.thumbnails')}
        </button>
        <span className="toolbar-sep" />
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => goTo(current - 1)} disabled={current <= 1} aria-label={t('documents.pdf.previousPage')}>
          ‹
        </button>
        <form
          className="pdf-page-nav"
          onSubmit={(event) => {
            event.preventDefault();
            const wanted = Number.parseInt(pageInput, 10);
            goTo(Number.isFinite(wanted) ? wanted : current);
          }}
        >
          <label>
            <span className="visually-hidden">{t('documents.pdf.pageNumber')}</span>
            <input className="input input-sm pdf-page-input num" inputMode="numeric" value={pageInput} onChange={(e) => setPageInput(e.target.value)} data-testid="pdf-page-input" />
          </label>
          <span className="muted num" data-testid="pdf-page-count">
            {t('documents.pdf.ofPages', { count: pageCount })}
          </span>
        </form>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => goTo(current + 1)} disabled={current >= pageCount} aria-label={t('documents.pdf.nextPage')}>
          ›
        </button>
        <span className="toolbar-sep" />
        <ZoomControls scale={scale} fitted={zoom === 'fit'} fitLabel={t('documents.zoom.fitWidth')} onZoom={setZoom} onFit={() => setZoom('fit')} />
        <form className="pdf-search" role="search" onSubmit={onSearch}>
          <input
            className="input input-sm"
            type="search"
            value={query}
            placeholder={t('documents.pdf.searchPlaceholder')}
            aria-label={t('documents.pdf.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.shiftKey) {
                e.preventDefault();
                step(-1);
              }
            }}
            data-testid="pdf-search-input"
          />
          <span className="pdf-search-count muted num" aria-live="polite" data-testid="pdf-search-count">
            {activeQuery === '' ? '' : total > 0 ? t('documents.pdf.matchOf', { index: matchIndex + 1, total }) : searching ? t('documents.pdf.searching') : t('documents.pdf.noMatches')}
          </span>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => step(-1)} disabled={total === 0} aria-label={t('documents.pdf.previousMatch')}>
            ↑
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => step(1)} disabled={total === 0} aria-label={t('documents.pdf.nextMatch')}>
            ↓
          </button>
        </form>
      </div>
      <div className="pdf-body">
        {showThumbs && guess ? (
          <nav ref={setThumbsRoot} className="pdf-thumbs" aria-label={t('documents.pdf.thumbnails')}>
            {/* The sidebar keeps its width from the start (the fit-width scale must not change); its items wait for page 1. */}
            {firstPainted
              ? pages.map((n) => (
                  <PdfThumb key={n} doc={doc} pageNumber={n} guess={guess} root={thumbsRoot} current={n === current} label={t('documents.pdf.page', { page: n })} onSelect={goTo} />
                ))
              : null}
          </nav>
        ) : null}
        <div ref={attachScroller} className="pdf-pages" tabIndex={0} onScroll={onScroll} aria-label={t('documents.pdf.pages')} data-testid="pdf-pages">
          {guess
            ? pages.map((n) => (
                <PdfPage
                  key={n}
                  doc={doc}
                  pageNumber={n}
                  scale={scale}
                  guess={guess}
                  scroller={scroller}
                  query={activeQuery}
                  selected={n === selectedPage}
                  onPainted={onPainted}
                  label={t('documents.pdf.page', { page: n })}
                >
                  {redaction.active ? (
                    <RedactionSurface page={n} regions={redaction.regions.filter((r) => r.page === n)} onAdd={redaction.add} onRemove={redaction.remove} />
                  ) : null}
                </PdfPage>
              ))
            : null}
        </div>
      </div>
    </div>
  );
}
