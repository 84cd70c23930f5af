import { z } from 'zod';
import { Outcome } from './case';

export const ReopenReason = z.enum(['closed_by_mistake', 'agreement_not_fulfilled', 'new_evidence', 'party_request']);
export type ReopenReason = z.infer<typeof ReopenReason>;

/** Everything that can move a case between stages; stage-machine.ts decides when each applies. */
export const Transition = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start_negotiation') }),
  z.object({ type: z.literal('brand_responded') }),
  z.object({ type: z.literal('escalate_to_mediation') }),
  z.object({ type: z.literal('parties_accepted') }),
  z.object({ type: z.literal('start_agreement_drafting') }),
  z.object({ type: z.literal('resume_mediation') }),
  z.object({ type: z.literal('close'), outcome: Outcome }),
  z.object({ type: z.literal('reopen'), reason: ReopenReason }),
]);
export type Transition = z.infer<typeof Transition>;
export type TransitionType = Transition['type'];
