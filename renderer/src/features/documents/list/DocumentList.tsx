import { useMemo, useState } from 'react';
import type { DocumentCategory } from '../../../../../shared/contract/documents';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { DocumentRow } from './DocumentRow';
import { categoryCounts, groupDocuments, redactedCopies, type PartyFilter } from './documents-model';
import type { DocumentsState } from './use-documents';
import { Loading } from '../viewer/Loading';

type Props = Readonly<{
  state: DocumentsState;
  canImport: boolean;
  onOpen: (documentId: string, options?: { custody?: boolean }) => void;
}>;

const PARTY_FILTERS: readonly PartyFilter[] = ['all', 'consumer', 'company', 'mediator'];

/** The documents grouped by category, with chips to show one category and a choice of who filed them. */
export function DocumentList({ state, canImport, onOpen }: Props) {
  const { t } = useI18n();
  const [category, setCategory] = useState<DocumentCategory | 'all'>('all');
  const [party, setParty] = useState<PartyFilter>('all');
  const counts = useMemo(() => categoryCounts(state.documents), [state.documents]);
  const groups = useMemo(() => groupDocuments(state.documents, { category, party }), [state.documents, category, party]);
  const copies = useMemo(() => redactedCopies(state.documents), [state.documents]);

  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} testId="documents-error" />;
  if (state.loading) {
    return <Loading />;
  }
  if (state.documents.length === 0) {
    return (
      <p className="docs-empty muted" data-testid="documents-empty">
        {canImport ? t('documents.emptyImport') : t('documents.empty')}
      </p>
    );
  }
  return (
    <>
      <div className="docs-filters">
        <div className="docs-chips" role="group" aria-label={t('documents.filter.category')}>
          <button type="button" className="chip" aria-pressed={category === 'all'} onClick={() => setCategory('all')}>
            {t('documents.filter.all')} <span className="num">{state.documents.length}</span>
          </button>
          {[...counts].map(([c, n]) => (
            <button key={c} type="button" className="chip" aria-pressed={category === c} onClick={() => setCategory(category === c ? 'all' : c)} data-testid={`documents-chip-${c}`}>
              {t(`documentCategory.${c}`)} <span className="num">{n}</span>
            </button>
          ))}
        </div>
        <label className="docs-party">
          <span className="visually-hidden">{t('documents.filter.party')}</span>
          <select className="select" value={party} onChange={(e) => setParty(PARTY_FILTERS.find((p) => p === e.target.value) ?? 'all')} data-testid="documents-party">
            {PARTY_FILTERS.map((p) => (
              <option key={p} value={p}>
                {p === 'all' ? t('documents.filter.allParties') : p === 'mediator' ? t('documents.submittedBy.mediator') : t(`partyRole.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {groups.length === 0 ? <p className="muted docs-empty">{t('documents.filter.none')}</p> : null}
      {groups.map((group) => (
        <section key={group.category} className="docs-group" aria-labelledby={`docs-group-${group.category}`}>
          <h4 className="docs-group-title" id={`docs-group-${group.category}`}>
            {t(`documentCategory.${group.category}`)} <span className="num muted">{group.documents.length}</span>
          </h4>
          <ul className="docs-list">
            {group.documents.map((document) => (
              <DocumentRow key={document.id} document={document} copies={copies.get(document.id) ?? []} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
