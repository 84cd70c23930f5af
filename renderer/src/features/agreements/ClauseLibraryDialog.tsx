import { useState } from 'react';
import type { AgreementContent } from '../../../../shared/agreements/content';
import type { LibraryClause, TemplateSummary } from '../../../../shared/contract/agreements';
import { useI18n } from '../../i18n/i18n-context';
import { Dialog } from '../../ui/Dialog';
import { searchLibrary } from './catalogue';
import './data-panel.css';

type Props = Readonly<{
  library: readonly LibraryClause[];
  template: TemplateSummary | undefined;
  content: AgreementContent;
  onAdd: (clause: LibraryClause | null) => void;
  onClose: () => void;
}>;

const excerpt = (clause: LibraryClause): string => clause.blocks.map((block) => block.runs.map((run) => run.text).join('')).join(' ').slice(0, 220);

/** "Agregar cláusula": the library with a search, the template's clauses first, or a blank clause. */
export function ClauseLibraryDialog({ library, template, content, onAdd, onClose }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const matches = searchLibrary(library, query, template, content);
  return (
    <Dialog title={t('agreements.library.title')} confirmLabel={t('agreements.library.blank')} cancelLabel={t('app.cancel')} onConfirm={() => onAdd(null)} onCancel={onClose} testId="clause-library" confirmTestId="clause-library-blank" wide>
      <input className="input" type="search" value={query} autoFocus placeholder={t('agreements.library.search')} aria-label={t('agreements.library.search')} onChange={(event) => setQuery(event.target.value)}
        // Enter in the search must not submit the dialog (that would add a blank clause).
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
        data-testid="clause-library-search"
      />
      <ul className="library-list">
        {matches.length === 0 ? <li className="muted">{t('agreements.library.noMatch')}</li> : null}
        {matches.map(({ clause, suggested, inAgreement }) => {
          return (
            <li key={clause.key} className="library-item" data-testid="clause-library-item" data-clause-key={clause.key}>
              <div className="library-text">
                <p className="library-title">
                  {clause.title}
                  {suggested ? <span className="tag tag-accent">{t('agreements.library.suggested')}</span> : null}
                  {inAgreement ? <span className="tag">{t('agreements.library.inAgreement')}</span> : null}
                </p>
                <p className="library-excerpt">{excerpt(clause)}</p>
                {/* The library's own wording of when the clause applies; the export leaves it out otherwise. */}
                {clause.condition ? <p className="library-condition">{t('agreements.library.condition', { condition: clause.condition })}</p> : null}
              </div>
              <button type="button" className="btn btn-sm" onClick={() => onAdd(clause)} data-testid="clause-library-add">
                {t('agreements.library.add')}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
