/**
 * es-CL messages for documents (issue 4). Spread into the es-CL catalogue, so the
 * keys are ordinary MessageKeys; same conventions as es-CL.ts.
 */
export const documentsEsCL = {
  'documents.title': 'Documentos',
};
