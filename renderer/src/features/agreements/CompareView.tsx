import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { diffAgreements, type ClauseDiffRow, type ClauseSide, type DiffPart } from '../../../../shared/agreements/diff';
import type { AgreementVariables } from '../../../../shared/agreements/content';
import type { AgreementVersion, VariableDefinition } from '../../../../shared/contract/agreements';
import { useI18n } from '../../i18n/i18n-context';
import { fieldText } from './variable-fields';
import './versions.css';

type Props = Readonly<{
  left: AgreementVersion;
  right: AgreementVersion;
  definitions: ReadonlyMap<string, VariableDefinition>;
  onBack: () => void;
}>;

/** A diff part as marked text: additions green, removals red and struck through. */
const mark = (part: DiffPart, key: number): ReactNode =>
  part.change === 'same' ? (
    <Fragment key={key}>{part.text}</Fragment>
  ) : part.change === 'added' ? (
    <ins key={key} className="diff-added" data-testid="diff-added">
      {part.text}
    </ins>
  ) : (
    <del key={key} className="diff-removed" data-testid="diff-removed">
      {part.text}
    </del>
  );

/**
 * One side of a clause. The diff's text is the title, then one line per block; the title line
 * is set apart as the heading (the parts are split where its line ends).
 */
function Side({ side }: Readonly<{ side: ClauseSide | null }>) {
  if (!side) return <div className="compare-cell compare-empty" />;
  const heading: ReactNode[] = [];
  const body: ReactNode[] = [];
  let inBody = false;
  side.parts.forEach((part, index) => {
    if (inBody) return void body.push(mark(part, index));
    const cut = part.text.indexOf('\n');
    if (cut < 0) return void heading.push(mark(part, index));
    inBody = true;
    heading.push(mark({ ...part, text: part.text.slice(0, cut) }, index));
    body.push(mark({ ...part, text: part.text.slice(cut + 1) }, index));
  });
  return (
    <div className="compare-cell">
      <p className="compare-clause-title">
        <span className="clause-number">{side.index + 1}.</span> {heading}
      </p>
      <p className="compare-clause-text">{body}</p>
    </div>
  );
}

function RowStatus({ row }: Readonly<{ row: ClauseDiffRow }>) {
  const { t } = useI18n();
  const tags: ReactNode[] = [];
  if (row.status !== 'unchanged') tags.push(<span key="status" className={`tag diff-tag-${row.status}`}>{t(`agreements.compare.status.${row.status}`)}</span>);
  if (row.moved && row.left && row.right) tags.push(<span key="moved" className="tag tag-accent">{t('agreements.compare.moved', { from: row.left.index + 1, to: row.right.index + 1 })}</span>);
  if (row.formattingChanged) tags.push(<span key="format" className="tag">{t('agreements.compare.formatting')}</span>);
  if (row.conditionsChanged) tags.push(<span key="conditions" className="tag">{t('agreements.compare.conditions')}</span>);
  return tags.length > 0 ? <div className="compare-row-status">{tags}</div> : null;
}

/** Two versions side by side, the differences marked: words added/removed, clauses added, removed or moved, data changed. */
export function CompareView({ left, right, definitions, onBack }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'rendered' | 'source'>('rendered');
  const [onlyChanges, setOnlyChanges] = useState(true);
  const diff = useMemo(() => diffAgreements(left, right, { mode }), [left, right, mode]);
  const value = (name: string, stored: AgreementVariables[string] | null): string => {
    const definition = definitions.get(name);
    return stored === null || stored === '' ? '—' : definition ? fieldText(definition.kind, stored) : String(stored);
  };
  const { summary } = diff;
  const rows = onlyChanges ? diff.rows.filter((row) => row.status !== 'unchanged' || row.moved) : diff.rows;
  const same = summary.added + summary.removed + summary.changed + summary.moved + summary.variables === 0 && !diff.title;

  return (
    <section className="agreement-compare" data-testid="agreement-compare">
      <div className="compare-head">
        <button type="button" className="btn btn-sm btn-ghost" onClick={onBack} data-testid="compare-back">
          ← {t('agreements.compare.back')}
        </button>
        <h4>{t('agreements.compare.title', { a: left.number, b: right.number })}</h4>
        <div className="segmented" role="tablist" aria-label={t('agreements.compare.modeLabel')}>
          {(['rendered', 'source'] as const).map((option) => (
            <button key={option} type="button" role="tab" aria-selected={mode === option} onClick={() => setMode(option)} data-testid={`compare-mode-${option}`}>
              {t(`agreements.compare.mode.${option}`)}
            </button>
          ))}
        </div>
        <label className="compare-only">
          <input type="checkbox" checked={onlyChanges} onChange={(event) => setOnlyChanges(event.target.checked)} data-testid="compare-only-changes" />
          {t('agreements.compare.onlyChanges')}
        </label>
      </div>
      <p className="compare-summary" data-testid="compare-summary">
        {same ? t('agreements.compare.same') : t('agreements.compare.summary', summary)}
      </p>
      <div className="compare-grid" role="table" aria-label={t('agreements.compare.title', { a: left.number, b: right.number })}>
        <div className="compare-row compare-columns" role="row">
          <div role="columnheader">{t('agreements.versions.label', { n: left.number })}</div>
          <div role="columnheader">{t('agreements.versions.label', { n: right.number })}</div>
        </div>
        {diff.title ? (
          <div className="compare-row" role="row" data-testid="compare-row" data-status="changed">
            <div className="compare-cell" role="cell">
              <del className="diff-removed">{diff.title.before}</del>
            </div>
            <div className="compare-cell" role="cell">
              <ins className="diff-added">{diff.title.after}</ins>
            </div>
          </div>
        ) : null}
        {rows.map((row) => (
          <div key={row.clauseId} className={`compare-row row-${row.status}${row.moved ? ' row-moved' : ''}`} role="row" data-testid="compare-row" data-status={row.status} data-moved={row.moved}>
            <RowStatus row={row} />
            <Side side={row.left} />
            <Side side={row.right} />
          </div>
        ))}
      </div>
      {diff.variables.length > 0 ? (
        <table className="version-table compare-variables" data-testid="compare-variables">
          <caption>{t('agreements.compare.variables')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.compare.variable')}</th>
              <th scope="col">{t('agreements.versions.label', { n: left.number })}</th>
              <th scope="col">{t('agreements.versions.label', { n: right.number })}</th>
            </tr>
          </thead>
          <tbody>
            {diff.variables.map((change) => (
              <tr key={change.name} data-testid="compare-variable" data-variable={change.name}>
                <td>{definitions.get(change.name)?.label ?? change.name}</td>
                <td>
                  <del className="diff-removed">{value(change.name, change.before)}</del>
                </td>
                <td>
                  <ins className="diff-added">{value(change.name, change.after)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
