import { useEffect, useState } from 'react';
import type { EmailView } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/i18n-context';
import { formatBytes } from '../document-format';
import { refusalOf } from '../refusal';
import { ViewerProblem } from './ViewerProblem';
import { Loading } from './Loading';

/** An e-mail as the core parsed it: headers, the text body, the attachments listed. Its HTML is never rendered. */
export function EmailViewer({ documentId }: Readonly<{ documentId: string }>) {
  const api = useMesa();
  const { t, locale } = useI18n();
  const [email, setEmail] = useState<EmailView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.getEmailView({ documentId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setEmail(result.value);
      else setError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [api, documentId]);

  if (error) return <ViewerProblem reason={refusalOf(error)} />;
  if (!email) {
    return <Loading />;
  }
  const headers: ReadonlyArray<readonly [string, string]> = [
    [t('documents.email.from'), email.from],
    [t('documents.email.to'), email.to],
    ...(email.cc ? [[t('documents.email.cc'), email.cc] as const] : []),
    [t('documents.email.date'), email.date ? formatDateTime(email.date, locale) : '—'],
    [t('documents.email.subject'), email.subject],
  ];
  return (
    <div className="email-viewer" tabIndex={0} data-testid="email-viewer">
      <table className="email-headers">
        <tbody>
          {headers.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <pre className="text-view email-body">{email.text || t('documents.email.noText')}</pre>
      {email.attachments.length > 0 ? (
        <section className="email-attachments">
          <h4>{t('documents.email.attachments', { count: email.attachments.length })}</h4>
          <ul>
            {email.attachments.map((a, index) => (
              <li key={`${a.fileName}-${index}`}>
                <span className="email-attachment-name">{a.fileName}</span>
                <span className="muted">
                  {a.mediaType} · {formatBytes(a.sizeBytes, locale)}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('documents.email.attachmentsNote')}</p>
        </section>
      ) : null}
    </div>
  );
}
