const STORAGE_KEY = 'mesa.webHostSecret';

/**
 * The web host passes its per-run secret in the URL fragment (`#secret=…`), which never reaches
 * a server log. Read it once, keep it for this tab in sessionStorage, and remove it from the
 * address bar so it is not bookmarked, shared in a screenshot or kept in history.
 */
export function takeWebHostSecret(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromFragment = params.get('secret');
  if (fromFragment) {
    window.sessionStorage.setItem(STORAGE_KEY, fromFragment);
    params.delete('secret');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
    return fromFragment;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}

/** The secret this tab already took (for requests other than the operations, e.g. staging uploads). */
export function storedWebHostSecret(): string | null {
  return window.sessionStorage.getItem(STORAGE_KEY);
}
