import StarterKit from '@tiptap/starter-kit';

/**
 * The editing features a clause offers, cut down to what AgreementContent stores (paragraphs,
 * bullet items, bold, italic) so nothing typed is lost on saving. Pastes of other formatting
 * are flattened by docToBlocks.
 */
export const clauseStarterKit = StarterKit.configure({
  blockquote: false,
  code: false,
  codeBlock: false,
  heading: false,
  horizontalRule: false,
  orderedList: false,
  strike: false,
  underline: false,
  link: false,
  hardBreak: false,
  dropcursor: false,
  gapcursor: false,
});
