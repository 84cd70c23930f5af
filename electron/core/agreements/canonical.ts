import { createHash } from 'node:crypto';
import type { AgreementContent, AgreementVariables } from '../../../shared/agreements/content';

/** JSON with object keys sorted at every level: the same agreement always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a version's sha256 covers: the text and the values filled into it. */
export const versionSha256 = (content: AgreementContent, variables: AgreementVariables): string =>
  createHash('sha256').update(canonicalJson({ content, variables })).digest('hex');
