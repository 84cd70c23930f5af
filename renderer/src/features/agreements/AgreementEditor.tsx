import { useMemo, useState } from 'react';
import type { AgreementCatalogue, LibraryClause, TemplateSummary } from '../../../../shared/contract/agreements';
import { renderAgreement } from '../../../../shared/agreements/render';
import { useI18n } from '../../i18n/i18n-context';
import { blankClause, clauseFromLibrary, type AgreementDraft, type DraftChange } from './agreement-draft';
import { dataFields } from './catalogue';
import { ClauseEditor } from './ClauseEditor';
import { ClauseLibraryDialog } from './ClauseLibraryDialog';
import { VariablesPanel } from './VariablesPanel';
import './editor.css';

type Props = Readonly<{
  draft: AgreementDraft;
  catalogue: AgreementCatalogue;
  template: TemplateSummary | undefined;
  readOnly: boolean;
  /** Applied by the owner of the draft with a functional update, so quick edits never overwrite each other. */
  onChange: (change: DraftChange) => void;
}>;

/** The agreement's text, clause by clause, beside the data it uses. */
export function AgreementEditor({ draft, catalogue, template, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const [libraryOpen, setLibraryOpen] = useState(false);
  const change = onChange;
  const definitions = useMemo(() => new Map(catalogue.variables.map((definition) => [definition.name, definition])), [catalogue.variables]);
  // The domain's own rendering: what prints for each variable, what is unfilled, which clauses apply.
  const rendered = useMemo(() => renderAgreement(draft.content, draft.variables), [draft.content, draft.variables]);
  const fields = useMemo(() => dataFields(draft.content), [draft.content]);
  const unfilled = useMemo(() => new Set(rendered.unfilled), [rendered.unfilled]);
  const omitted = useMemo(() => new Set(rendered.omittedClauseIds), [rendered.omittedClauseIds]);

  const add = (library: LibraryClause | null) => {
    const id = crypto.randomUUID();
    change({ type: 'addClause', clause: library ? clauseFromLibrary(library, id) : blankClause(id, t('agreements.clause.newTitle')) });
    setLibraryOpen(false);
  };

  return (
    <div className="agreement-editor" data-testid="agreement-editor" data-read-only={readOnly}>
      <div className="agreement-document">
        <input
          className="input agreement-title"
          value={draft.content.title}
          readOnly={readOnly}
          maxLength={300}
          aria-label={t('agreements.editor.titleLabel')}
          onChange={(event) => change({ type: 'title', title: event.target.value })}
          data-testid="agreement-title"
        />
        <ol className="clause-list" aria-label={t('agreements.editor.clauses')}>
          {draft.content.clauses.map((clause, index) => (
            <ClauseEditor
              key={clause.id}
              clause={clause}
              index={index}
              count={draft.content.clauses.length}
              values={rendered.display}
              readOnly={readOnly}
              notApplicable={omitted.has(clause.id)}
              onTitle={(title) => change({ type: 'clauseTitle', clauseId: clause.id, title })}
              onBlocks={(blocks) => change({ type: 'clauseBlocks', clauseId: clause.id, blocks })}
              onMove={(toIndex) => change({ type: 'moveClause', clauseId: clause.id, toIndex })}
              onRemove={() => change({ type: 'removeClause', clauseId: clause.id })}
              onDropClause={(clauseId) => change({ type: 'moveClause', clauseId, toIndex: index })}
            />
          ))}
        </ol>
        {draft.content.clauses.length === 0 ? <p className="muted">{t('agreements.editor.noClauses')}</p> : null}
        {!readOnly ? (
          <button type="button" className="btn btn-sm add-clause" onClick={() => setLibraryOpen(true)} data-testid="clause-add">
            + {t('agreements.editor.addClause')}
          </button>
        ) : null}
      </div>
      <VariablesPanel
        inputs={fields.inputs}
        computed={fields.computed}
        definitions={definitions}
        values={draft.variables}
        display={rendered.display}
        unfilled={unfilled}
        readOnly={readOnly}
        onChange={(name, value) => change({ type: 'variable', name, value })}
      />
      {libraryOpen ? <ClauseLibraryDialog library={catalogue.clauses} template={template} content={draft.content} onAdd={add} onClose={() => setLibraryOpen(false)} /> : null}
    </div>
  );
}
