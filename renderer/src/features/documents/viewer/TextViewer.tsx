import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ViewerProblem } from './ViewerProblem';
import { Loading } from './Loading';

/** Plain text shows up to this many characters; the rest is one "Guardar" away. */
const MAX_CHARS = 2_000_000;

/** A text file as preformatted, wrapped text (never interpreted as markup). */
export function TextViewer({ url }: Readonly<{ url: string }>) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<{ readonly url: string; readonly text: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((body) => !cancelled && setLoaded({ url, text: body }))
      .catch(() => !cancelled && setLoaded({ url, text: null }));
    return () => {
      cancelled = true;
    };
  }, [url]);

  const current = loaded?.url === url ? loaded : null;
  if (current && current.text === null) return <ViewerProblem reason={null} />;
  const text = current?.text ?? null;
  if (text === null) {
    return <Loading />;
  }
  return (
    <div className="text-viewer" tabIndex={0} data-testid="text-viewer">
      <pre className="text-view">{text.slice(0, MAX_CHARS)}</pre>
      {text.length > MAX_CHARS ? <p className="muted">{t('documents.text.truncated')}</p> : null}
    </div>
  );
}
