import { z } from 'zod';

/**
 * A file the core made or holds that the renderer may show or save: a URL the host serves
 * (Electron: the mesa-doc: protocol; web host: /api/files/…) valid for a short time, never a
 * filesystem path. `disposition: 'attachment'` makes the browser save rather than show it.
 */
export const FileLink = z.object({
  url: z.string().min(1).max(2_000),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(127),
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  disposition: z.enum(['inline', 'attachment']),
});
export type FileLink = z.infer<typeof FileLink>;

/**
 * Bytes the renderer handed to the host before an operation that consumes them (a file picked
 * or dropped): Electron's preload and the web host's POST /api/staged store them in the core's
 * staging area, hashing as they arrive, and return this ticket. Staged files expire.
 */
export const StagedFile = z.object({
  stagedId: z.uuid(),
  fileName: z.string().min(1).max(1_000),
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StagedFile = z.infer<typeof StagedFile>;
