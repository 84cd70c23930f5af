// Dependency-free on purpose: Electron's session header, the web host's response header and
// renderer/index.html's <meta> tag all carry this policy. One policy, three places, one source.

/**
 * The renderer's Content-Security-Policy, directive by directive. Nothing may load from
 * outside the app: no inline script or style, no eval, no remote fonts or images, no plugins,
 * no frames. `blob:` images are allowed for evidence thumbnails the renderer makes itself;
 * `data:` is not (the renderer build sets `assetsInlineLimit: 0`). `connect-src 'self'` is what
 * lets the web host's renderer call `/api/*` on its own origin; in Electron there is nothing
 * to connect to (IPC is not subject to CSP). `mesa-doc:` is the desktop app's scheme for
 * evidence files (FileLink.url; electron/main/file-bridge.ts): images, audio/video and the
 * bytes pdfjs fetches load from it; the web host serves the same files from 'self'.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' blob: mesa-doc:"],
  ['font-src', "'self'"],
  ['connect-src', "'self' mesa-doc:"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['media-src', "'self' blob: mesa-doc:"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** Directives a <meta> tag cannot carry (browsers ignore them there), so only the header has them. */
const headerOnly: ReadonlyArray<readonly [string, string]> = [['frame-ancestors', "'none'"]];

const join = (list: ReadonlyArray<readonly [string, string]>): string => list.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy for renderer/index.html's `<meta http-equiv="Content-Security-Policy">`. */
export const META_CONTENT_SECURITY_POLICY = join(directives);

/** The policy sent as an HTTP header (Electron's session and the web host): the meta policy plus frame-ancestors. */
export const CONTENT_SECURITY_POLICY = join([...directives, ...headerOnly]);
