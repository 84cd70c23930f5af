import type { AgreementVersionSummary, PartyDecision } from '../../../../shared/contract/agreements';
import { formatDateTime } from '../../../../shared/format/dates';
import { useI18n } from '../../i18n/i18n-context';
import './versions.css';

type Props = Readonly<{
  versions: readonly AgreementVersionSummary[];
  /** The version shown in the editor. */
  shown: number | null;
  selected: readonly number[];
  onSelect: (selected: number[]) => void;
  onOpen: (number: number) => void;
  onCompare: () => void;
}>;

function Decision({ decision, role }: Readonly<{ decision: PartyDecision; role: 'consumer' | 'company' }>) {
  const { t } = useI18n();
  return (
    <span className={`decision decision-${decision.decision}`} data-testid="version-decision" data-role={role} data-decision={decision.decision} title={decision.reason ?? undefined}>
      {t(`partyDecision.${decision.decision}`)}
    </span>
  );
}

/** Every saved version, newest first; two ticked ones can be compared side by side. */
export function VersionList({ versions, shown, selected, onSelect, onOpen, onCompare }: Props) {
  const { t, locale } = useI18n();
  const toggle = (number: number, on: boolean) => onSelect(on ? [...selected.filter((n) => n !== number), number].slice(-2) : selected.filter((n) => n !== number));
  return (
    <section className="agreement-versions" data-testid="agreement-versions">
      <div className="versions-head">
        <p className="muted">{t('agreements.versions.hint')}</p>
        <button type="button" className="btn btn-sm" disabled={selected.length !== 2} onClick={onCompare} data-testid="versions-compare">
          {selected.length === 2 ? t('agreements.versions.compareThese', { a: Math.min(...selected), b: Math.max(...selected) }) : t('agreements.versions.compare')}
        </button>
      </div>
      <table className="version-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('agreements.versions.select')}</span>
            </th>
            <th scope="col">{t('agreements.versions.number')}</th>
            <th scope="col">{t('agreements.versions.savedAt')}</th>
            <th scope="col">{t('agreements.versions.status')}</th>
            <th scope="col">{t('partyRole.consumer')}</th>
            <th scope="col">{t('partyRole.company')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('agreements.versions.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.number} className={version.number === shown ? 'shown' : undefined} data-testid="version-row" data-number={version.number} data-status={version.status}>
              <td>
                <input
                  type="checkbox"
                  checked={selected.includes(version.number)}
                  disabled={version.remoteOnly}
                  aria-label={t('agreements.versions.selectOne', { n: version.number })}
                  onChange={(event) => toggle(version.number, event.target.checked)}
                  data-testid="version-select"
                />
              </td>
              <td className="version-number">
                {t('agreements.versions.label', { n: version.number })}
                {version.basedOnStale ? <span className="tag tag-warning" title={t('agreements.basedOnStale', { basedOn: version.basedOn ?? '?' })}>{t('agreements.versions.stale')}</span> : null}
              </td>
              <td>{version.savedAt ? formatDateTime(version.savedAt, locale) : <span title={t('agreements.remoteOnly')}>—</span>}</td>
              <td>
                <span className={`status status-${version.status}`}>{t(`agreementStatus.${version.status}`)}</span>
                {version.locked ? <span className="lock" title={t('agreements.versions.locked')} aria-label={t('agreements.versions.locked')}>🔒</span> : null}
              </td>
              {/* A version never sent has no decisions to wait for. */}
              <td>{version.status === 'draft' ? '—' : <Decision decision={version.consumer} role="consumer" />}</td>
              <td>{version.status === 'draft' ? '—' : <Decision decision={version.company} role="company" />}</td>
              <td>
                <button type="button" className="btn btn-ghost btn-sm" disabled={version.remoteOnly || version.number === shown} onClick={() => onOpen(version.number)} data-testid="version-open">
                  {t('agreements.versions.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
