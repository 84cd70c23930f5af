import { z } from 'zod';
import { EntityId, Instant, LocalDate } from '../domain/ids';
import { ClientId } from './messages';
import { PlatformAgreement } from './records';
import { route } from './route';

/**
 * The platform's agreements endpoints (issue 6), spread into platformRoutes.
 * Only `{caseId}` may appear in a path; other ids travel in the query or the body.
 *
 * The mediator sends a version (its number, the SHA-256 of its canonical content and the text
 * the parties read); the platform asks both parties and reports each decision through the feed
 * (agreement.upsert of that version). Sending version n supersedes earlier versions still
 * waiting for decisions. The same number with another hash is a 409: versions are immutable.
 */
export const SendAgreementRequest = z.object({
  clientId: ClientId,
  number: z.number().int().min(1),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().min(1).max(300),
  /** The rendered text (variables filled), what the parties read and decide on. */
  text: z.string().min(1).max(500_000),
});
export const AgreementResponse = z.object({ agreement: PlatformAgreement });

/**
 * Whether the company fulfilled the agreement of a case closed with it, as the mediator recorded
 * it on the agreed date (the note stays with the mediator). Once per case: the same record again
 * is a replay, another one a 409; 409 too when the case is not closed with an accepted version
 * of that number.
 */
export const RecordFulfilmentRequest = z.object({
  clientId: ClientId,
  /** The accepted version the case was closed with. */
  number: z.number().int().min(1),
  dueDate: LocalDate,
  fulfilled: z.boolean(),
  recordedAt: Instant,
});
export const PlatformFulfilment = RecordFulfilmentRequest.omit({ clientId: true }).extend({ caseId: EntityId, receivedAt: Instant });
export type PlatformFulfilment = z.infer<typeof PlatformFulfilment>;
export const FulfilmentResponse = z.object({ fulfilment: PlatformFulfilment });

export const agreementRoutes = {
  sendAgreement: route({
    method: 'POST',
    path: '/v1/cases/{caseId}/agreements',
    summary: 'Send an agreement version to both parties (idempotent by clientId; 409 when the number exists with other content)',
    auth: true,
    body: SendAgreementRequest,
    response: AgreementResponse,
    status: 201,
  }),
  recordAgreementFulfilment: route({
    method: 'POST',
    path: '/v1/cases/{caseId}/agreement-fulfilment',
    summary: 'Record whether the agreement of a closed case was fulfilled (idempotent by clientId; 409 when not closed with that accepted version or already recorded otherwise)',
    auth: true,
    body: RecordFulfilmentRequest,
    response: FulfilmentResponse,
    status: 201,
  }),
} as const;
