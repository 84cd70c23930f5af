import type { AgreementRefusal, AgreementState, AgreementVersionSummary, OutdatedDecision, PartyDecision } from '../../../shared/contract/agreements';
import type { CaseRecord } from '../../../shared/domain/case';
import type { Deadline } from '../../../shared/domain/deadline';
import { localDateOf } from '../../../shared/domain/deadlines';
import type { PartyRole } from '../../../shared/domain/party';
import type { AgreementFulfilmentTable, AgreementVersionsTable, PlatformAgreementsTable } from './tables';

type AgreementStatus = AgreementVersionSummary['status'];

/** Everything stored about one case's agreement, as read in one go. */
export interface AgreementRows {
  readonly caseRecord: Pick<CaseRecord, 'id' | 'stage' | 'subState' | 'outcome'>;
  readonly versions: readonly AgreementVersionsTable[];
  readonly platform: readonly PlatformAgreementsTable[];
  readonly fulfilment: readonly AgreementFulfilmentTable[];
  /** The case's agreement_fulfilment deadlines: where the agreed date lives. */
  readonly deadlines: readonly Pick<Deadline, 'id' | 'dueAt'>[];
}

const decisionOf = (row: PlatformAgreementsTable | undefined, party: PartyRole): PartyDecision => {
  if (!row) return { decision: 'pending', reason: null, decidedAt: null };
  const decision = (party === 'consumer' ? row.consumer_decision : row.company_decision) as PartyDecision['decision'];
  return {
    decision,
    reason: party === 'consumer' ? row.consumer_reason : row.company_reason,
    decidedAt: party === 'consumer' ? row.consumer_decided_at : row.company_decided_at,
  };
};

/** The platform's word wins once it has the version; before that, our own sending state. */
function statusOf(local: AgreementVersionsTable | undefined, remote: PlatformAgreementsTable | undefined): AgreementStatus {
  if (remote) return remote.status as AgreementStatus;
  return local?.sent_at ? 'sent' : 'draft';
}

/** Version summaries, newest first: local versions joined with what the platform reports of them. */
export function versionSummaries(rows: AgreementRows, final: boolean): AgreementVersionSummary[] {
  const numbers = new Set([...rows.versions.map((v) => v.number), ...rows.platform.map((p) => p.number)]);
  return [...numbers]
    .sort((a, b) => b - a)
    .map((number) => {
      const local = rows.versions.find((v) => v.number === number);
      const remote = rows.platform.find((p) => p.number === number);
      const status = statusOf(local, remote);
      return {
        number,
        savedAt: local?.saved_at ?? null,
        basedOn: local?.based_on ?? null,
        basedOnStale: local?.based_on_stale === 1,
        sha256: local?.sha256 ?? remote?.content_sha256 ?? null,
        status,
        locked: final || status !== 'draft',
        delivery: local ? local.delivery : 'delivered',
        sentAt: local?.sent_at ?? remote?.sent_at ?? null,
        consumer: decisionOf(remote, 'consumer'),
        company: decisionOf(remote, 'company'),
        remoteOnly: local === undefined,
      };
    });
}

/**
 * Decisions on a version older than the newest one: recorded, never applied to the newest
 * ("La empresa aceptó la versión 2, pero la vigente es la 3"). Per party, the newest such decision.
 */
export function outdatedDecisions(summaries: readonly AgreementVersionSummary[]): OutdatedDecision[] {
  const [current, ...older] = summaries;
  if (!current) return [];
  const out: OutdatedDecision[] = [];
  for (const party of ['consumer', 'company'] as const) {
    const decided = older.find((v) => v[party].decision !== 'pending');
    const decision = decided?.[party];
    if (decided && decision && decision.decision !== 'pending') {
      out.push({ party, decision: decision.decision, versionNumber: decided.number, currentNumber: current.number, decidedAt: decision.decidedAt });
    }
  }
  return out;
}

/** Why the case cannot be closed with the agreement now, or null when it can. */
function closeBlocker(rows: AgreementRows, latest: AgreementVersionSummary | undefined, final: boolean): AgreementRefusal | null {
  if (final) return 'locked';
  const { stage, subState } = rows.caseRecord;
  if (stage !== 'mediation' || subState !== 'agreement_drafting') return 'wrong_stage';
  if (!latest || latest.status !== 'accepted') return 'not_accepted';
  return null;
}

/** The agreement as the case view shows it (without the newest text, which the caller adds). */
export function agreementState(rows: AgreementRows, unfilledOfLatest: readonly string[] | null): Omit<AgreementState, 'latest'> {
  const fulfilmentRow = [...rows.fulfilment].sort((a, b) => b.version_number - a.version_number)[0];
  const final = fulfilmentRow !== undefined && rows.caseRecord.stage === 'closed' && rows.caseRecord.outcome === 'agreement_in_mediation';
  const versions = versionSummaries(rows, final);
  const latest = versions[0];
  const blocker = closeBlocker(rows, latest, final);
  const inMediation = rows.caseRecord.stage === 'mediation';
  return {
    caseId: rows.caseRecord.id,
    templateId: [...rows.versions].sort((a, b) => b.number - a.number)[0]?.template_id ?? null,
    versions,
    currentSentNumber: versions.find((v) => v.status !== 'draft')?.number ?? null,
    outdatedDecisions: outdatedDecisions(versions),
    canSend: !final && inMediation && latest !== undefined && !latest.remoteOnly && latest.status === 'draft' && (unfilledOfLatest?.length ?? 1) === 0,
    canClose: blocker === null,
    closeBlockedBy: blocker,
    final,
    fulfilment: fulfilmentOf(rows, fulfilmentRow),
  };
}

/** The closing's record joined with its deadline (the date); null before closing. */
function fulfilmentOf(rows: AgreementRows, row: AgreementFulfilmentTable | undefined): AgreementState['fulfilment'] {
  // The deadline is written in the closing's transaction and a bundle never replaces it, so a
  // row without one would be a damaged store: shown as not tracked rather than failing the view.
  const deadline = row ? rows.deadlines.find((d) => d.id === row.deadline_id) : undefined;
  if (!row || !deadline) return null;
  return {
    deadlineId: row.deadline_id,
    versionNumber: row.version_number,
    dueDate: localDateOf(deadline.dueAt),
    dueAt: deadline.dueAt,
    status: row.status,
    note: row.note,
    recordedAt: row.recorded_at,
  };
}
