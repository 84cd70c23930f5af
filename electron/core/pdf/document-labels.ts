// Kept apart from typeset.ts so callers that only need the words (the DOCX export) do not load
// pdf-lib and fontkit, which take a noticeable part of a second to initialise.

/** Document content, not UI: the centre prints its documents in Spanish (es-CL) whatever the UI language. */
export const DOCUMENT_LABELS = {
  centre: 'Centro de Mediación — Resolución en Línea',
  page: (page: number, total: number) => `Página ${page} de ${total}`,
  generated: (when: string) => `Generado el ${when} (hora de Chile)`,
  folio: (folio: string) => `Folio ${folio}`,
} as const;
