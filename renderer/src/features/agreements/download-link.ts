import type { FileLink } from '../../../../shared/contract/files';

/**
 * Saves a file the core made (FileLink) through a temporary <a download>: the host serves the
 * URL with `disposition: attachment`, so no Blob or data: URL is needed and the CSP stays as is.
 */
export function downloadLink(link: FileLink): void {
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.download = link.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
