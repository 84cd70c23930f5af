import type { StagedFile } from '../../../../../shared/contract/files';
import type { Result } from '../../../../../shared/contract/result';

export type StageFile = (file: File) => Promise<Result<StagedFile>>;

/** Hands a picked or dropped file's bytes to the host's staging area (PLACEHOLDER until the renderer API lands). */
export function useStageFile(): StageFile {
  return async () => ({ ok: false, error: { code: 'internal', message: 'staging is not available yet' } });
}
