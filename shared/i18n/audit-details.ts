import type { AuditEntry } from '../domain/people';
import { isLabelKey } from './enum-labels';
import type { MessageKey, Translator } from './translator';

/** A code translated through `<prefix>.<code>`, or the code itself when the catalogue lacks it. */
const label = (t: Translator['t'], prefix: string, code: string | undefined): string | null => {
  if (code === undefined) return null;
  const key = `${prefix}.${code}`;
  return isLabelKey(key) ? t(key) : code;
};

const stageWithSub = (t: Translator['t'], stage: string | undefined, sub: string | undefined): string | null => {
  const stageLabel = label(t, 'stage', stage);
  const subLabel = label(t, 'subState', sub);
  if (stageLabel === null) return null;
  return subLabel ? `${stageLabel} (${subLabel})` : stageLabel;
};

const labelled = (t: Translator['t'], key: MessageKey, value: string | null): string | null => (value === null ? null : `${t(key)}: ${value}`);

/** The agreement actions' codes: version, based_on, template, party + decision, format + sha256, due_date, result. */
function agreementLines(t: Translator['t'], data: AuditEntry['data']): Array<string | null> {
  const party = label(t, 'partyRole', data.party);
  const decision = label(t, 'partyDecision', data.decision);
  return [
    data.template === undefined ? null : t('agreements.audit.template', { template: data.template }),
    data.version === undefined ? null : t('agreements.audit.version', { n: data.version }),
    data.based_on === undefined ? null : t('agreements.audit.basedOn', { n: data.based_on }),
    party !== null && decision !== null ? t('agreements.audit.decision', { party, decision }) : null,
    data.format === undefined || data.sha256 === undefined ? null : t('agreements.audit.file', { format: data.format.toUpperCase(), sha256: data.sha256 }),
    data.due_date === undefined ? null : t('agreements.audit.dueDate', { date: data.due_date }),
    data.result === undefined ? null : t('agreements.audit.result', { result: label(t, 'fulfilmentStatus', data.result) ?? data.result }),
  ];
}

/**
 * Readable lines for an audit entry's codes (the core writes transition, from_stage/to_stage,
 * from_sub_state/to_sub_state, outcome, reason, and the agreement codes above). Only codes
 * are ever in `data`, never case text.
 */
export function auditDetails(t: Translator['t'], data: AuditEntry['data']): string[] {
  const from = stageWithSub(t, data.from_stage ?? data.from, data.from_sub_state);
  const to = stageWithSub(t, data.to_stage ?? data.to, data.to_sub_state);
  const lines = [
    labelled(t, 'timeline.transition', label(t, 'transition', data.transition)),
    from !== null && to !== null ? `${from} → ${to}` : null,
    labelled(t, 'timeline.outcome', label(t, 'outcome', data.outcome)),
    labelled(t, 'timeline.reason', label(t, 'reopenReason', data.reason)),
    ...agreementLines(t, data),
  ];
  return lines.filter((line): line is string => line !== null);
}
