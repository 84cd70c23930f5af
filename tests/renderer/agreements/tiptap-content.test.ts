import { describe, expect, it } from 'vitest';
import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { AgreementClause, type Block } from '../../../shared/agreements/content';
import { clauseStarterKit } from '../../../renderer/src/features/agreements/editor-extensions';
import { blocksToDoc, docToBlocks } from '../../../renderer/src/features/agreements/tiptap-content';

// The editor's real schema: a document the conversion makes must be one the editor accepts.
const schema = getSchema([clauseStarterKit]);
const throughEditor = (doc: JSONContent): JSONContent => PmNode.fromJSON(schema, doc).toJSON() as JSONContent;

const blocks: Block[] = [
  { type: 'paragraph', runs: [{ text: 'La empresa ' }, { text: '{{empresa}}', marks: ['bold'] }, { text: ' reembolsará ' }, { text: 'íntegramente', marks: ['bold', 'italic'] }] },
  { type: 'bullet', runs: [{ text: 'Monto: {{monto_reembolso}}' }] },
  { type: 'bullet', runs: [{ text: 'Plazo: ' }, { text: '{{plazo_dias}} días hábiles', marks: ['italic'] }] },
  { type: 'paragraph', runs: [] },
  { type: 'bullet', runs: [{ text: 'Otra lista' }] },
];

describe('clause blocks ↔ tiptap document', () => {
  it('round-trips paragraphs, bullet lists, bold and italic through the editor schema', () => {
    const doc = throughEditor(blocksToDoc(blocks));
    expect(doc.content?.map((node) => node.type)).toEqual(['paragraph', 'bulletList', 'paragraph', 'bulletList']);
    expect(doc.content?.[1]?.content).toHaveLength(2);
    expect(docToBlocks(doc)).toEqual(blocks);
    // What comes back is valid stored content.
    expect(() => AgreementClause.parse({ id: '0194f5c2-7d7e-7a3b-8c1d-2e3f4a5b6c7d', clauseKey: null, title: 'Primera', blocks: docToBlocks(doc) })).not.toThrow();
  });

  it('gives an empty clause one empty paragraph to type in, and an untouched one stays empty', () => {
    const doc = throughEditor(blocksToDoc([]));
    expect(doc.content).toEqual([{ type: 'paragraph' }]);
    expect(docToBlocks(doc)).toEqual([]);
  });

  it('drops empty runs (ProseMirror has no empty text nodes) and merges runs that end up alike', () => {
    const doc = throughEditor(blocksToDoc([{ type: 'paragraph', runs: [{ text: '' }, { text: 'a', marks: ['italic', 'bold'] }, { text: 'b', marks: ['bold', 'italic'] }] }]));
    expect(docToBlocks(doc)).toEqual([{ type: 'paragraph', runs: [{ text: 'ab', marks: ['bold', 'italic'] }] }]);
  });

  it('flattens what the model cannot store (pasted headings, nested and ordered lists, links, breaks) keeping the text', () => {
    const pasted: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Título' }] },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'uno', marks: [{ type: 'link', attrs: { href: 'https://x.example' } }, { type: 'bold' }] }] },
                { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'uno.a' }] }] }] },
              ],
            },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'línea' }, { type: 'hardBreak' }, { type: 'text', text: 'siguiente', marks: [{ type: 'strike' }] }] },
      ],
    };
    expect(docToBlocks(pasted)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Título' }] },
      { type: 'bullet', runs: [{ text: 'uno', marks: ['bold'] }] },
      { type: 'bullet', runs: [{ text: 'uno.a' }] },
      { type: 'paragraph', runs: [{ text: 'línea siguiente' }] },
    ]);
  });
});
