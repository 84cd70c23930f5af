// The Electron side of the security checklist: applied to the default session and to every
// webContents the app ever creates. The decisions themselves live in security/*.ts (pure, tested).
import { app, session, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { externalLinkTarget } from './security/external-links';

/** Deny every permission (camera, notifications, geolocation, clipboard-read, …) and send the CSP header. */
export function hardenSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

const openOutside = (url: string): void => {
  const target = externalLinkTarget(url);
  if (target !== null) void shell.openExternal(target);
};

/**
 * No webviews, no new windows (an https link goes to the OS browser instead), no navigation or
 * redirect away from the app's own page. `isAppUrl` is security/trusted-sender's check.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}

/** Applies hardenWebContents to every webContents created from now on (windows, devtools excluded by Electron). */
export function hardenAllWebContents(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
}
