// The schemaInvalid fault: a well-formed JSON answer that breaks the route's response schema in
// a way a careless client would half-apply (an unknown stage, a channel that does not exist).
import type { PlatformRouteName } from '../../shared/platform/api';

type Json = Record<string, unknown>;

export function corruptResponse(route: PlatformRouteName, body: unknown): unknown {
  const value = (typeof body === 'string' ? JSON.parse(body) : structuredClone(body)) as Json;
  switch (route) {
    case 'signIn':
      return { ...value, token: 42 };
    case 'me':
      return { ...value, role: 'superuser' };
    case 'assignedCases':
      return { cases: [...((value.cases as unknown[] | undefined) ?? []), { caseId: '../etc/passwd', version: 0, assignment: 'maybe' }] };
    case 'feed': {
      // A valid first change, then one with a stage no client knows: nothing of the page may be applied.
      const changes = (value.changes as Json[] | undefined) ?? [];
      const seq = Number(changes.at(-1)?.seq ?? 0) + 1;
      const bogus = { seq, type: 'case.upsert', assignment: null, bundle: { case: { id: 'case-bogus', stage: 'archivada' }, parties: [], deadlines: [] } };
      return { ...value, changes: [...changes.slice(0, 1), bogus, ...changes.slice(1)] };
    }
    case 'postMessage':
      return { message: { ...(value.message as Json), channel: 'public' } };
    case 'proposeStageChange': {
      const bundle = value.bundle as Json;
      return { bundle: { ...bundle, case: { ...(bundle.case as Json), stage: 'archivada' } } };
    }
    case 'decideAssignment':
      return { ...value, assignment: 'maybe' };
    case 'scheduleSession':
    case 'rescheduleSession':
    case 'cancelSession':
    case 'recordSessionOutcome':
      return { session: { ...(value.session as Json), status: 'postponed' } };
    case 'sendAgreement':
      return { agreement: { ...(value.agreement as Json), consumerDecision: 'maybe' } };
    case 'recordAgreementFulfilment':
      return { fulfilment: { ...(value.fulfilment as Json), fulfilled: 'a medias' } };
    case 'uploadDocument':
      return { document: { ...(value.document as Json), sha256: 'not-a-hash' } };
    case 'downloadDocument':
      // Never reached: bytes are spoiled by the documents' own switches (corruptDocuments, truncateDocuments).
      return value;
    default: {
      const unknownRoute: never = route;
      return unknownRoute;
    }
  }
}
