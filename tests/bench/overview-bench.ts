/**
 * `npx tsx tests/bench/overview-bench.ts`: the Acuerdos and Documentos sections on a 100 000-case
 * store (MESA_BENCH_CASES overrides) with 3 documents per case (most not downloaded, a few with
 * problems, one text page each) and an agreement on a fifth of the cases. Prints figures and the
 * query plans; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCore } from '../../electron/core/core';
import { DEMO_MEDIATORS, generateDemoCases } from '../../electron/core/demo/generator';
import { openStore } from '../../electron/core/db/store';
import { Rng } from '../../electron/core/demo/prng';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { profileRepository } from '../../electron/core/repositories/profile-repository';
import { percentile, report, timeEach } from './stats';

const CASES = Number(process.env.MESA_BENCH_CASES ?? 100_000);
const now = new Date();
const dir = process.env.MESA_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'mesa-overview-bench-'));
const databasePath = join(dir, 'mesa.sqlite3');
const WORDS = ['boleta', 'reembolso', 'despacho', 'garantía', 'notebook', 'Chilexpress', 'tarjeta', 'factura', 'devolución', 'cargo'];

try {
  const bundles = [...generateDemoCases({ seed: 20_260_404, count: CASES, now, mediators: DEMO_MEDIATORS })];
  const store = await openStore(databasePath);
  await store.write(async (trx) => {
    await profileRepository.upsertMediators(trx, DEMO_MEDIATORS);
    await profileRepository.setCurrentUser(trx, DEMO_MEDIATORS[0]?.id ?? '');
  });
  await caseRepository.importBundles(store, bundles, now);
  const rng = new Rng(5);
  await store.write(async () => {
    const doc = store.sqlite.prepare(
      `INSERT INTO documents (id, case_id, file_name, category, submitted_by, visibility, received_at, size_bytes, media_type, kind, sha256, source, availability, integrity, upload, problem)
       VALUES (?, ?, ?, 'boleta', 'consumer', 'joint', ?, 1000, 'application/pdf', 'pdf', ?, 'platform', ?, ?, ?, ?)`,
    );
    const text = store.sqlite.prepare('INSERT INTO document_text (document_id, page, body) VALUES (?, 1, ?)');
    const version = store.sqlite.prepare(
      `INSERT INTO agreements (id, case_id, number, status, consumer_decision, company_decision, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    for (const [index, bundle] of bundles.entries()) {
      const caseId = bundle.case.id;
      for (let n = 0; n < 3; n += 1) {
        const roll = rng.next();
        const availability = roll < 0.6 ? 'remote' : roll < 0.61 ? 'failed' : 'local';
        const integrity = availability === 'local' ? (roll < 0.612 ? 'mismatch' : 'ok') : 'unchecked';
        const id = `${caseId}-d${n}`;
        doc.run(id, caseId, `boleta-${index}-${n}.pdf`, new Date(now.getTime() - index * 60_000 - n).toISOString(), index.toString(16).padStart(64, '0'), availability, integrity, roll > 0.995 ? 'failed' : 'sent', availability === 'failed' ? 'hash_mismatch' : null);
        text.run(id, `${rng.pick(WORDS)} ${rng.pick(WORDS)} pedido ${bundle.case.orderNumber} ${rng.pick(WORDS)}`);
      }
      if (index % 5 === 0) {
        const status = rng.pick(['sent', 'accepted', 'rejected', 'sent'] as const);
        version.run(`${caseId}-a1`, caseId, 1, status, status === 'sent' ? 'pending' : status, status === 'rejected' ? 'pending' : status === 'sent' ? 'pending' : 'accepted', now.toISOString());
      }
    }
  });
  store.close();

  const core = await openCore({ databasePath, host: 'web', appVersion: 'bench', demoCases: 0 });
  const reader = new BetterSqlite3(databasePath, { readonly: true });
  try {
    const time = async (label: string, op: Parameters<typeof dispatch>[1], inputs: unknown[]) => {
      const times = await timeEach(inputs, async (input) => {
        const result = await dispatch(core.handlers, op, input);
        if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
      });
      report(`${label} p50`, percentile(times, 50), 'ms');
      report(`${label} p95`, percentile(times, 95), 'ms', { max: 50 });
    };
    await time('listAgreementOverview (all)', 'listAgreementOverview', Array.from({ length: 30 }, () => ({})));
    await time('listAgreementOverview (rejected)', 'listAgreementOverview', Array.from({ length: 30 }, () => ({ states: ['rejected'] })));
    await time('listDocumentAttention (all)', 'listDocumentAttention', Array.from({ length: 30 }, () => ({})));
    await time('listDocumentAttention (integrity)', 'listDocumentAttention', Array.from({ length: 30 }, () => ({ reasons: ['integrity'] })));
    const queries = [...WORDS, ...bundles.slice(0, 20).map((b) => b.case.orderNumber), 'pedido', 'devol'];
    await time('searchAllDocuments', 'searchAllDocuments', queries.map((query) => ({ query })));

    const plan = (label: string, statement: string, ...params: unknown[]) => {
      const rows = reader.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...params) as { detail: string }[];
      console.log(`\n${label}\n${rows.map((row) => `  ${row.detail}`).join('\n')}`);
    };
    plan('plan: agreement overview counts', 'SELECT state, count(*) FROM agreement_overview GROUP BY state');
    plan(
      'plan: agreement overview page of one state',
      `SELECT o.case_id FROM agreement_overview AS o JOIN cases AS c ON c.id = o.case_id WHERE o.state = ? ORDER BY o.due_at DESC, o.activity_at DESC, o.case_id DESC LIMIT 200`,
      'rejected',
    );
    plan(
      'plan: search, common word (newest first)',
      `SELECT t.page FROM document_text_fts JOIN document_text AS t ON t.id = document_text_fts.rowid JOIN documents AS d ON d.id = t.document_id JOIN cases AS c ON c.id = d.case_id WHERE document_text_fts MATCH ? ORDER BY document_text_fts.rowid DESC LIMIT 100`,
      '"boleta"*',
    );
    plan(
      'plan: attention rows of one reason',
      `SELECT d.id FROM documents AS d JOIN cases AS c ON c.id = d.case_id WHERE d.attention = ? AND (d.attention != 'not_downloaded' OR c.stage != 'closed') ORDER BY d.received_at DESC, d.id DESC LIMIT 10`,
      'integrity',
    );
  } finally {
    core.close();
    reader.close();
  }
} finally {
  if (!process.env.MESA_BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}
