import { z } from 'zod';
import type { Result } from './result';

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

/**
 * Electron only: the one IPC channel the preload's `stageFile` sends a picked file's bytes on
 * ({ fileName, bytes: ArrayBuffer }); answered with a Result<StagedFile>. The web host takes
 * the same bytes on POST /api/staged?name=… instead.
 */
export const STAGE_FILE_CHANNEL = 'mesa:files:stage';

/** What the desktop preload adds to window.mesa for files (renderer/src/api/stage-file.ts uses it). */
export interface DesktopFiles {
  readonly stageFile: (file: Blob | ArrayBuffer, fileName: string) => Promise<Result<StagedFile>>;
}

export const StageFileMessage = z.object({
  fileName: z.string().min(1).max(1_000),
  // Structured clone hands an ArrayBuffer over as is; a typed array also arrives as one.
  bytes: z.union([z.instanceof(ArrayBuffer), z.instanceof(Uint8Array)]),
});
