import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { segmentText } from '../../../../shared/agreements/segments';

/**
 * Marks every `{{name}}` in a clause's text: red while the variable has no value (or is not
 * one the agreement knows), with its value shown beside it once filled. Decorations only: the
 * stored text keeps the placeholder, the values are applied when the agreement is rendered.
 */

/** What the editor knows of a variable: its display value, or null while unfilled. */
export type VariableDisplay = Readonly<Record<string, string | null>>;

export interface VariableToken {
  readonly from: number;
  readonly to: number;
  readonly name: string;
}

/** The placeholders in a document with their positions; a token may cross bold/italic runs. */
export function variableTokens(doc: PmNode): VariableToken[] {
  const tokens: VariableToken[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Text of the block with each character's document position (inline leaves count as one).
    let text = '';
    const positions: number[] = [];
    node.forEach((child, offset) => {
      const chunk = child.isText ? (child.text ?? '') : '\uFFFC';
      for (let i = 0; i < chunk.length; i += 1) positions.push(pos + 1 + offset + i);
      text += chunk;
    });
    let at = 0;
    for (const segment of segmentText(text)) {
      const length = segment.kind === 'text' ? segment.text.length : segment.raw.length;
      const first = positions[at];
      const last = positions[at + length - 1];
      // A malformed placeholder ({{Monto}}, {{ monto }}) is named by its raw text: never a known variable.
      if (segment.kind !== 'text' && first !== undefined && last !== undefined) tokens.push({ from: first, to: last + 1, name: segment.kind === 'variable' ? segment.name : segment.raw });
      at += length;
    }
    return false;
  });
  return tokens;
}

/** Class names the stylesheet gives the two states. */
export const FILLED_CLASS = 'agreement-var agreement-var-filled';
export const MISSING_CLASS = 'agreement-var agreement-var-missing';

function decorate(doc: PmNode, values: VariableDisplay, missingTitle: string): DecorationSet {
  const decorations: Decoration[] = [];
  for (const token of variableTokens(doc)) {
    const value = values[token.name] ?? null;
    if (value === null) {
      decorations.push(Decoration.inline(token.from, token.to, { class: MISSING_CLASS, 'data-variable': token.name, title: missingTitle }, { variable: token.name, filled: false }));
      continue;
    }
    decorations.push(Decoration.inline(token.from, token.to, { class: FILLED_CLASS, 'data-variable': token.name, title: value }, { variable: token.name, filled: true }));
    decorations.push(
      Decoration.widget(
        token.to,
        () => {
          const span = document.createElement('span');
          span.className = 'agreement-var-value';
          span.contentEditable = 'false';
          span.textContent = value;
          return span;
        },
        // The key makes ProseMirror reuse the widget while the value is unchanged.
        { side: 1, ignoreSelection: true, key: `${token.name}=${value}` },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

export interface VariableHighlightOptions {
  values: VariableDisplay;
  /** Tooltip of an unfilled token (translated by the caller). */
  missingTitle: string;
}

export interface HighlightState {
  readonly options: VariableHighlightOptions;
  readonly decorations: DecorationSet;
}

const stateKey = new PluginKey<HighlightState>('variableHighlight');

/** New values for an editor's highlighting: `editor.view.dispatch(setVariableValues(state, options))`. */
export const setVariableValues = (state: EditorState, options: VariableHighlightOptions) =>
  state.tr.setMeta(stateKey, options).setMeta('addToHistory', false);

/** The plugin on its own (the extension below wraps it), so it can be tested without a DOM. */
export function variableHighlightPlugin(initial: VariableHighlightOptions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: stateKey,
    state: {
      init: (_, state) => ({ options: initial, decorations: decorate(state.doc, initial.values, initial.missingTitle) }),
      apply: (tr, previous) => {
        const options = (tr.getMeta(stateKey) as VariableHighlightOptions | undefined) ?? previous.options;
        if (!tr.docChanged && options === previous.options) return previous;
        return { options, decorations: decorate(tr.doc, options.values, options.missingTitle) };
      },
    },
    props: { decorations: (state) => stateKey.getState(state)?.decorations },
  });
}

export const VariableHighlight = Extension.create<VariableHighlightOptions>({
  name: 'variableHighlight',
  addOptions: () => ({ values: {}, missingTitle: '' }),
  addProseMirrorPlugins() {
    return [variableHighlightPlugin(this.options)];
  },
});
