import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids';
import { PartyRole } from '../domain/party';
import { Session } from '../schedule/session';

/** Who may see a document: both parties, or one party's caucus with the mediator. */
export const DocumentVisibility = z.enum(['joint', 'caucus_consumer', 'caucus_company']);
export type DocumentVisibility = z.infer<typeof DocumentVisibility>;

/** Document metadata as the feed carries it; the file itself is downloaded on demand. */
export const PlatformDocument = z.object({
  id: EntityId,
  caseId: EntityId,
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(127),
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  submittedBy: z.union([PartyRole, z.literal('mediator')]),
  visibility: DocumentVisibility,
  receivedAt: Instant,
});
export type PlatformDocument = z.infer<typeof PlatformDocument>;

/**
 * A scheduled session as the platform knows it: shared/schedule Session. The platform is the
 * authority on status, participants (names, zones, confirmations), sequence and version; the
 * id is the one the mediator's client made (UUIDv7) when it proposed the session.
 */
export const PlatformSession = Session;
export type PlatformSession = z.infer<typeof PlatformSession>;

export const AgreementStatus = z.enum(['draft', 'sent', 'accepted', 'rejected', 'superseded']);

/** An agreement version as the platform knows it (the agreements issue extends it). */
export const PlatformAgreement = z.object({
  id: EntityId,
  caseId: EntityId,
  number: z.number().int().min(1),
  status: AgreementStatus,
  consumerDecision: z.enum(['pending', 'accepted', 'rejected']),
  companyDecision: z.enum(['pending', 'accepted', 'rejected']),
  updatedAt: Instant,
  version: z.number().int().min(1),
});
export type PlatformAgreement = z.infer<typeof PlatformAgreement>;
