export interface SnippetPart {
  readonly text: string;
  readonly hit: boolean;
}

/**
 * The core's snippets mark the matched words with «…». Split into plain and matched parts so the
 * UI can mark them without ever treating the snippet as markup.
 */
export function snippetParts(snippet: string): readonly SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of snippet.split(/[«»]/).entries()) {
    if (piece !== '') parts.push({ text: piece, hit: index % 2 === 1 });
  }
  return parts;
}
