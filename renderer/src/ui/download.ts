/**
 * Saves text as a file through a Blob URL and a temporary <a download>. No CSP change is
 * needed: a download is a navigation the browser turns into a file, not a fetched resource.
 * The URL is revoked on the next task, after the click has been handled.
 */
export function downloadText(fileName: string, content: string, type = 'text/calendar;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
