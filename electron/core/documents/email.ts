import PostalMime, { type Address, type Mailbox } from 'postal-mime';
import type { EmailView } from '../../../shared/contract/documents';
import { sanitizeFileName } from '../../../shared/documents/file-name';
import { htmlToText } from './html-to-text';

const MAX_TEXT = 2_000_000;

function formatAddresses(list: readonly Address[] | Address | undefined, max: number): string {
  const items: readonly Address[] = list === undefined ? [] : Array.isArray(list) ? list : [list as Address];
  const flat: Mailbox[] = items.flatMap((item) => ('group' in item && item.group ? item.group : [item as Mailbox]));
  return flat
    .map((a) => (a.name && a.address ? `${a.name} <${a.address}>` : a.address || a.name || ''))
    .filter((s) => s !== '')
    .join(', ')
    .slice(0, max);
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * An .eml as text for the viewer and the index. postal-mime only parses: nothing is fetched,
 * no HTML is rendered (the HTML part, when there is no text part, is reduced to text here).
 */
export async function parseEmail(bytes: Uint8Array): Promise<EmailView> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  return {
    from: formatAddresses(email.from, 2_000),
    to: formatAddresses(email.to, 10_000),
    cc: formatAddresses(email.cc, 10_000),
    subject: (email.subject ?? '').slice(0, 2_000),
    date: isoOrNull(email.date),
    text: text.slice(0, MAX_TEXT),
    attachments: email.attachments.map((a) => ({
      fileName: sanitizeFileName(a.filename ?? '') ?? 'adjunto',
      mediaType: (a.mimeType || 'application/octet-stream').slice(0, 127),
      sizeBytes: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
    })),
  };
}

/** The searchable text of an e-mail: its headers people search by, then the body. */
export function emailSearchText(view: EmailView): string {
  return [view.from, view.to, view.cc, view.subject, view.text, ...view.attachments.map((a) => a.fileName)].filter((s) => s !== '').join('\n');
}
