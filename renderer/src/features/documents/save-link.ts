import type { FileLink } from '../../../../shared/contract/files';

/**
 * Saves the file behind a FileLink (disposition 'attachment') through a temporary
 * <a download>: a same-origin navigation the browser turns into a download, no Blob copy of a
 * possibly large file in memory.
 */
export function saveLink(link: FileLink): void {
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.download = link.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
