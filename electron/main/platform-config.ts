// Which central platform the desktop app syncs with. Pure logic, testable under Node.

/**
 * The platform URL from the environment (`MESA_PLATFORM_URL`): https for a real centre, or
 * plain http only on the loopback address, where the reference platform runs in development
 * and demos (`npm start`). Anything else is refused rather than sending a token in the clear.
 * Without one the app works on its local store alone (demo cases on first run).
 */
export function platformUrlFrom(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env['MESA_PLATFORM_URL']?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`MESA_PLATFORM_URL is not a URL: ${raw}`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.origin;
  throw new Error(`MESA_PLATFORM_URL must be https (or http on 127.0.0.1): ${raw}`);
}
