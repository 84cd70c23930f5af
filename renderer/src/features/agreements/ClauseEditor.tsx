import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import type { AgreementClause, Block } from '../../../../shared/agreements/content';
import { useI18n } from '../../i18n/i18n-context';
import { clauseStarterKit } from './editor-extensions';
import { blocksToDoc, docToBlocks } from './tiptap-content';
import { setVariableValues, VariableHighlight, type VariableDisplay } from './variable-highlight';

export const CLAUSE_DRAG_TYPE = 'application/x-mesa-clause';

type Props = Readonly<{
  clause: AgreementClause;
  index: number;
  count: number;
  values: VariableDisplay;
  readOnly: boolean;
  /** The library says this clause does not apply to the case as it stands (its condition is false). */
  notApplicable: boolean;
  onTitle: (title: string) => void;
  onBlocks: (blocks: Block[]) => void;
  onMove: (toIndex: number) => void;
  onRemove: () => void;
  /** A clause dragged by its handle was dropped on this one. */
  onDropClause: (clauseId: string) => void;
}>;

function FormatBar({ editor, label }: Readonly<{ editor: Editor; label: string }>) {
  const { t } = useI18n();
  const active = useEditorState({ editor, selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic'), bullet: e.isActive('bulletList') }) });
  const button = (name: 'bold' | 'italic' | 'bullet', text: string, run: () => void) => (
    <button type="button" className="format-button" aria-pressed={active[name]} aria-label={t(`agreements.format.${name}`)} title={t(`agreements.format.${name}`)} onMouseDown={(event) => event.preventDefault()} onClick={run} data-testid={`clause-format-${name}`}>
      {text}
    </button>
  );
  return (
    <div className="format-bar" role="toolbar" aria-label={label}>
      {button('bold', 'B', () => editor.chain().focus().toggleBold().run())}
      {button('italic', 'I', () => editor.chain().focus().toggleItalic().run())}
      {button('bullet', '•', () => editor.chain().focus().toggleBulletList().run())}
    </div>
  );
}

/** One clause: its title, its text in a tiptap editor, and the buttons that move or remove it. */
export function ClauseEditor({ clause, index, count, values, readOnly, notApplicable, onTitle, onBlocks, onMove, onRemove, onDropClause }: Props) {
  const { t } = useI18n();
  const missingTitle = t('agreements.variables.missingHint');
  // The editor is built once per clause; the latest callback is read through a ref.
  const onBlocksRef = useRef(onBlocks);
  useLayoutEffect(() => {
    onBlocksRef.current = onBlocks;
  });
  // Stable options: tiptap compares them on every render and re-applies any that changed.
  // Values reach the highlighting through transactions (below), so the first ones are enough here.
  const [initial] = useState(() => ({ content: blocksToDoc(clause.blocks), extensions: [clauseStarterKit, VariableHighlight.configure({ values, missingTitle })] }));
  const textLabel = t('agreements.clause.textLabel', { n: index + 1 });
  const editorProps = useMemo(() => ({ attributes: { class: 'clause-text', 'aria-label': textLabel, 'data-testid': 'clause-text' } }), [textLabel]);
  const editor = useEditor({
    extensions: initial.extensions,
    content: initial.content,
    editable: !readOnly,
    // The CSP allows no injected <style>; ProseMirror's rules are in agreements.css.
    injectCSS: false,
    editorProps,
    onUpdate: ({ editor: changed }) => onBlocksRef.current(docToBlocks(changed.getJSON())),
  });

  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(setVariableValues(editor.state, { values, missingTitle }));
  }, [editor, values, missingTitle]);
  useEffect(() => {
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const onDrop = (event: DragEvent) => {
    const id = event.dataTransfer.getData(CLAUSE_DRAG_TYPE);
    if (!id) return;
    event.preventDefault();
    if (id !== clause.id) onDropClause(id);
  };

  return (
    <li
      className={notApplicable ? 'clause not-applicable' : 'clause'}
      data-testid="clause"
      data-clause-id={clause.id}
      data-clause-key={clause.clauseKey ?? ''}
      onDragOver={(event) => {
        if (!readOnly && event.dataTransfer.types.includes(CLAUSE_DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={readOnly ? undefined : onDrop}
    >
      <div className="clause-head">
        {!readOnly ? (
          <span
            className="drag-handle"
            draggable
            title={t('agreements.clause.drag')}
            aria-hidden="true"
            onDragStart={(event) => {
              event.dataTransfer.setData(CLAUSE_DRAG_TYPE, clause.id);
              event.dataTransfer.effectAllowed = 'move';
              const item = event.currentTarget.closest('li');
              if (item) event.dataTransfer.setDragImage(item, 16, 16);
            }}
            data-testid="clause-drag"
          >
            ⠿
          </span>
        ) : null}
        <span className="clause-number">{index + 1}.</span>
        <input
          className="input clause-title"
          value={clause.title}
          readOnly={readOnly}
          maxLength={300}
          aria-label={t('agreements.clause.titleLabel', { n: index + 1 })}
          onChange={(event) => onTitle(event.target.value)}
          data-testid="clause-title"
        />
        {!readOnly ? (
          <div className="clause-tools">
            <button type="button" className="btn btn-ghost btn-icon" disabled={index === 0} aria-label={t('agreements.clause.up', { title: clause.title })} title={t('agreements.clause.upShort')} onClick={() => onMove(index - 1)} data-testid="clause-up">
              ↑
            </button>
            <button type="button" className="btn btn-ghost btn-icon" disabled={index === count - 1} aria-label={t('agreements.clause.down', { title: clause.title })} title={t('agreements.clause.downShort')} onClick={() => onMove(index + 1)} data-testid="clause-down">
              ↓
            </button>
            <button type="button" className="btn btn-ghost btn-icon danger" aria-label={t('agreements.clause.remove', { title: clause.title })} title={t('agreements.clause.removeShort')} onClick={onRemove} data-testid="clause-remove">
              ×
            </button>
          </div>
        ) : null}
      </div>
      {notApplicable ? <p className="clause-note">{t('agreements.clause.notApplicable')}</p> : null}
      {!readOnly ? <FormatBar editor={editor} label={t('agreements.format.label', { n: index + 1 })} /> : null}
      <EditorContent editor={editor} className="clause-body" />
    </li>
  );
}
