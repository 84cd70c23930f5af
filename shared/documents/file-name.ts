import { DOCUMENT_LIMITS } from '../contract/documents';

/**
 * Names Windows refuses whatever the extension (CON.pdf is still CON); compared without case.
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** C0/C1 controls, and bidi overrides/isolates that can make "fdp.exe" read as "exe.pdf". */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters no filesystem we save to accepts, and path separators of both families. */
const FORBIDDEN = /[<>:"/\\|?*]/g;

/**
 * A file name safe to show and to save under on any OS, from whatever a party or a browser
 * sent: only the last path segment is kept (so '../../etc/passwd' is 'passwd'), invisible and
 * forbidden characters are dropped or replaced, trailing dots/spaces are trimmed (Windows drops
 * them silently), reserved device names get a leading underscore, and the name is cut to
 * DOCUMENT_LIMITS.maxNameLength characters keeping the extension. Returns null when nothing
 * usable is left (e.g. '..' or only control characters).
 */
export function sanitizeFileName(raw: string): string | null {
  const lastSegment = raw.normalize('NFC').replace(INVISIBLE, '').split(/[/\\]/).pop() ?? '';
  let name = lastSegment.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  name = name.replace(/^\.+/, ''); // no hidden files, no '..'
  if (name === '' || /^_+$/.test(name)) return null;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (RESERVED.test(stem)) name = `_${name}`;
  return truncateKeepingExtension(name, DOCUMENT_LIMITS.maxNameLength);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name); // by code point: never split a surrogate pair
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? Array.from(name.slice(dot)) : [];
  return chars.slice(0, max - extension.length).join('').trimEnd() + extension.join('');
}

/** The lowercase extension without the dot ('' when none): what the name claims the file is. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
