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

export const PartyDecisionValue = z.enum(['pending', 'accepted', 'rejected']);

/**
 * An agreement version as the platform knows it: what the mediator sent (number, hash of the
 * text) and each party's decision ON THIS VERSION. A decision about an older version arrives as
 * an upsert of that older version. The optional fields are absent on versions from before
 * Mesa sent text (seeded ones); readers treat absent as null.
 */
export const PlatformAgreement = z.object({
  id: EntityId,
  caseId: EntityId,
  number: z.number().int().min(1),
  status: AgreementStatus,
  consumerDecision: PartyDecisionValue,
  companyDecision: PartyDecisionValue,
  /** A party's reason for rejecting, as they wrote it. */
  consumerReason: z.string().max(2_000).nullable().optional(),
  companyReason: z.string().max(2_000).nullable().optional(),
  consumerDecidedAt: Instant.nullable().optional(),
  companyDecidedAt: Instant.nullable().optional(),
  /** SHA-256 of the version's canonical content as the mediator's client computed it. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
  sentAt: Instant.nullable().optional(),
  updatedAt: Instant,
  version: z.number().int().min(1),
});
export type PlatformAgreement = z.infer<typeof PlatformAgreement>;
