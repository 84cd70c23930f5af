// Decides one question: may this URL be handed to the operating system's browser?
// No 'electron' import, so it is unit-tested under plain Node.

const MAX_URL_LENGTH = 2048;

/**
 * Returns the normalised URL when it is safe to open outside the app, or null. Only https:
 * (no file:, javascript:, custom protocols that launch local programs, or plain http), no
 * user:password@ in the URL (a classic way to disguise the real host), and a real host name.
 */
export function externalLinkTarget(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url.href;
}
