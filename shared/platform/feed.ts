import { z } from 'zod';
import { CaseBundle, Stage, SubState } from '../domain/case';
import { EntityId, Instant } from '../domain/ids';
import { PlatformMessage } from './messages';
import { PlatformAgreement, PlatformDocument, PlatformSession } from './records';

/** The server's monotonic position of a change; the cursor encodes it opaquely. */
const Seq = z.number().int().min(1);

export const AssignmentStatus = z.enum(['pending', 'accepted']);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

/**
 * One change of the feed. A case arrives whole (bundle: case, parties, deadlines) on creation,
 * on any edit and on a stage change, so applying a change never needs an earlier one; the
 * stage change also names where the case came from, for the timeline.
 */
export const FeedChange = z.discriminatedUnion('type', [
  z.object({ seq: Seq, type: z.literal('case.upsert'), bundle: CaseBundle, assignment: AssignmentStatus.nullable() }),
  z.object({
    seq: Seq,
    type: z.literal('case.stage_changed'),
    bundle: CaseBundle,
    from: z.object({ stage: Stage, subState: SubState.nullable() }),
    at: Instant,
  }),
  /** The case left the caller's caseload (reassigned or declined): local copies become read-only. */
  z.object({ seq: Seq, type: z.literal('case.unassigned'), caseId: EntityId, at: Instant }),
  z.object({ seq: Seq, type: z.literal('message.created'), message: PlatformMessage }),
  z.object({ seq: Seq, type: z.literal('document.upsert'), document: PlatformDocument }),
  z.object({ seq: Seq, type: z.literal('session.upsert'), session: PlatformSession }),
  z.object({ seq: Seq, type: z.literal('agreement.upsert'), agreement: PlatformAgreement }),
]);
export type FeedChange = z.infer<typeof FeedChange>;
export type FeedChangeType = FeedChange['type'];

export const FeedCursor = z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/);

export const FeedPage = z.object({
  changes: z.array(FeedChange).max(1000),
  /** Opaque; pass it back to get what comes after this page. */
  cursor: FeedCursor,
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof FeedPage>;
