import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { clauseStarterKit } from '../../../renderer/src/features/agreements/editor-extensions';
import { blocksToDoc } from '../../../renderer/src/features/agreements/tiptap-content';
import { setVariableValues, type HighlightState, variableHighlightPlugin, variableTokens } from '../../../renderer/src/features/agreements/variable-highlight';

const schema = getSchema([clauseStarterKit]);

const docOf = (text: string, boldFrom?: number) =>
  PmNode.fromJSON(
    schema,
    blocksToDoc([
      {
        type: 'paragraph',
        runs: boldFrom === undefined ? [{ text }] : [{ text: text.slice(0, boldFrom) }, { text: text.slice(boldFrom), marks: ['bold'] }],
      },
    ]),
  );

describe('variable tokens in a clause', () => {
  it('finds each {{name}} with its document range', () => {
    const doc = docOf('Paga {{monto}} a {{empresa}}; {{Mal}}, {{ monto }} y {{}} están mal escritas; { {x} } no es nada');
    const tokens = variableTokens(doc);
    expect(tokens.map((t) => t.name)).toEqual(['monto', 'empresa', '{{Mal}}', '{{ monto }}', '{{}}']);
    const [monto] = tokens;
    expect(doc.textBetween(monto?.from ?? 0, monto?.to ?? 0)).toBe('{{monto}}');
  });

  it('finds a token that crosses a bold run', () => {
    const text = 'Paga {{monto}} hoy';
    const [token] = variableTokens(docOf(text, 9));
    expect(token?.name).toBe('monto');
    expect(docOf(text, 9).textBetween(token?.from ?? 0, token?.to ?? 0)).toBe('{{monto}}');
  });
});

describe('the highlighting plugin', () => {
  const options = { values: { empresa: 'Tienda Sur SpA', monto: null }, missingTitle: 'Falta' };
  const highlighted = (state: EditorState): string[] =>
    ((state.plugins[0]?.getState(state) as HighlightState | undefined)?.decorations.find() ?? []).filter((d) => d.spec.variable).map((d) => `${String(d.spec.variable)}:${d.spec.filled ? 'filled' : 'missing'}`);

  it('marks filled, unfilled and unknown variables, and follows new values', () => {
    const state = EditorState.create({ doc: docOf('{{empresa}} paga {{monto}}; {{desconocida}} y {{Mal}}'), plugins: [variableHighlightPlugin(options)] });
    expect(highlighted(state)).toEqual(['empresa:filled', 'monto:missing', 'desconocida:missing', '{{Mal}}:missing']);
    const next = state.apply(setVariableValues(state, { values: { empresa: 'Tienda Sur SpA', monto: '$150.000' }, missingTitle: 'Falta' }));
    expect(highlighted(next)).toEqual(['empresa:filled', 'monto:filled', 'desconocida:missing', '{{Mal}}:missing']);
    // Typing keeps the marks in place.
    const typed = next.apply(next.tr.insertText('Hoy, ', 1));
    expect(highlighted(typed)).toEqual(['empresa:filled', 'monto:filled', 'desconocida:missing', '{{Mal}}:missing']);
  });
});
