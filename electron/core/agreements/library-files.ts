// Reads the agreement library shipped in resources/agreements (see shared/agreements/library.ts
// for the format and its validation). Read once per process: the files never change at runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AgreementLibrary, AgreementLibraryError, loadAgreementLibrary } from '../../../shared/agreements/library';
import { resourcesDir } from '../resources';

const cache = new Map<string, AgreementLibrary>();

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AgreementLibraryError([{ path, reason: 'malformed_content', message: `cannot read ${path}: ${(error as Error).message}` }]);
  }
}

/** The validated library; throws AgreementLibraryError (every problem listed) when a file is broken. */
export function loadAgreementLibraryFiles(resources?: string): AgreementLibrary {
  const dir = join(resourcesDir(resources), 'agreements');
  let library = cache.get(dir);
  if (!library) {
    library = loadAgreementLibrary({ clauses: readJson(join(dir, 'clauses.json')), templates: readJson(join(dir, 'templates.json')) });
    cache.set(dir, library);
  }
  return library;
}
