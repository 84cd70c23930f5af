// Verifies the custody chains of a Mesa store from the command line, read-only:
//   npx tsx electron/core/documents/verify-custody-cli.ts <store.sqlite> [documentId]
// Prints one line per document and exits 0 when every chain holds, 1 when one is broken,
// 2 on a usage or open error. It does not check the stored files (the app does, on open).
import BetterSqlite3 from 'better-sqlite3';
import { checkChain, toCustodyEntry } from './custody';

type Row = Parameters<typeof toCustodyEntry>[0] & { document_id: string };

export function verifyStoreCustody(databasePath: string, documentId?: string): { lines: string[]; broken: number } {
  const db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = (
      documentId === undefined
        ? db.prepare('SELECT * FROM custody_log ORDER BY document_id, seq').all()
        : db.prepare('SELECT * FROM custody_log WHERE document_id = ? ORDER BY seq').all(documentId)
    ) as Row[];
    const byDocument = new Map<string, Row[]>();
    for (const row of rows) byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), row]);
    if (documentId !== undefined && !byDocument.has(documentId)) return { lines: [`${documentId}: no custody entries`], broken: 1 };
    const lines: string[] = [];
    let broken = 0;
    for (const [id, entries] of byDocument) {
      const check = checkChain(id, entries.map(toCustodyEntry));
      if (check.ok) lines.push(`${id}: ok (${check.entries} entries)`);
      else {
        broken++;
        lines.push(`${id}: BROKEN at entry ${check.firstBrokenSeq} (${check.reason}) of ${check.entries}`);
      }
    }
    return { lines, broken };
  } finally {
    db.close();
  }
}

if (process.argv[1] && /verify-custody-cli\.[cm]?[jt]s$/.test(process.argv[1])) {
  const [databasePath, documentId] = process.argv.slice(2);
  if (!databasePath) {
    console.error('Usage: verify-custody-cli <store.sqlite> [documentId]');
    process.exit(2);
  }
  try {
    const { lines, broken } = verifyStoreCustody(databasePath, documentId);
    for (const line of lines) console.log(line);
    process.exit(broken === 0 ? 0 : 1);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
