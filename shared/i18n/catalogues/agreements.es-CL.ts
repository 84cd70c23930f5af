/**
 * es-CL messages for agreements (issue 6). Spread into the es-CL catalogue, so the
 * keys are ordinary MessageKeys; same conventions as es-CL.ts.
 */
export const agreementsEsCL = {
  'agreements.title': 'Acuerdo',
};
