import type { JSONContent } from '@tiptap/core';
import type { Block, TextRun } from '../../../../shared/agreements/content';

/**
 * A clause's blocks ↔ the tiptap document of its editor. The stored model knows paragraphs,
 * bullet items, bold and italic only, so anything else a paste brings in (headings, nested
 * lists, links, hard breaks) is flattened into that: its text survives, its extra formatting
 * does not. Each clause has its own editor, so a document is one clause's body.
 */

type Mark = NonNullable<TextRun['marks']>[number];
const MARK_ORDER: readonly Mark[] = ['bold', 'italic'];

const runToNode = (run: TextRun): JSONContent => ({
  type: 'text',
  text: run.text,
  ...(run.marks?.length ? { marks: run.marks.map((type) => ({ type })) } : {}),
});

// ProseMirror refuses empty text nodes, so empty runs are dropped.
const paragraphNode = (runs: readonly TextRun[]): JSONContent => {
  const content = runs.filter((run) => run.text.length > 0).map(runToNode);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
};

export function blocksToDoc(blocks: readonly Block[]): JSONContent {
  const content: JSONContent[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      content.push(paragraphNode(block.runs));
      continue;
    }
    // Consecutive bullet blocks make one list.
    const item: JSONContent = { type: 'listItem', content: [paragraphNode(block.runs)] };
    const last = content.at(-1);
    if (last?.type === 'bulletList') last.content = [...(last.content ?? []), item];
    else content.push({ type: 'bulletList', content: [item] });
  }
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

const marksOf = (node: JSONContent): Mark[] => {
  const present = new Set((node.marks ?? []).map((mark) => mark.type));
  return MARK_ORDER.filter((mark) => present.has(mark));
};

/** The text runs of an inline node tree, neighbouring runs with the same marks merged. */
function runsOf(node: JSONContent): TextRun[] {
  const runs: TextRun[] = [];
  const push = (text: string, marks: readonly Mark[]) => {
    if (text.length === 0) return;
    const last = runs.at(-1);
    if (last && (last.marks ?? []).join() === marks.join()) last.text += text;
    else runs.push(marks.length > 0 ? { text, marks: [...marks] } : { text });
  };
  const walk = (child: JSONContent) => {
    if (child.type === 'text') push(child.text ?? '', marksOf(child));
    else if (child.type === 'hardBreak') push(' ', []);
    else child.content?.forEach(walk);
  };
  node.content?.forEach(walk);
  return runs;
}

const isTextblock = (node: JSONContent): boolean => node.content?.some((child) => child.type === 'text' || child.type === 'hardBreak') ?? false;

export function docToBlocks(doc: JSONContent): Block[] {
  const blocks: Block[] = [];
  const visit = (node: JSONContent, inList: boolean) => {
    if (node.type === 'paragraph' || node.type === 'heading' || isTextblock(node)) {
      blocks.push({ type: inList ? 'bullet' : 'paragraph', runs: runsOf(node) });
      return;
    }
    const list = inList || node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'listItem';
    node.content?.forEach((child) => visit(child, list));
  };
  doc.content?.forEach((child) => visit(child, false));
  // An editor always holds one paragraph; an untouched empty clause stays without blocks.
  const only = blocks[0];
  if (blocks.length === 1 && only?.type === 'paragraph' && only.runs.length === 0) return [];
  return blocks;
}
