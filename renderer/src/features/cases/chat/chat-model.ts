import type { ChatMessage } from '../../../../../shared/contract/sync';
import type { Stage } from '../../../../../shared/domain/case';
import { localDateOf } from '../../../../../shared/domain/deadlines';
import { addDays } from '../../../../../shared/domain/zoned-day';
import type { MessageChannel } from '../../../../../shared/platform/messages';

/** Tab order: the history first, then the conversations the mediator leads. */
export const channelOrder: readonly MessageChannel[] = ['negotiation', 'joint', 'caucus_consumer', 'caucus_company'];

/** How private a channel is, for the banner's colour: everyone, one party only, or history. */
export const channelScope = (channel: MessageChannel): 'history' | 'shared' | 'private' =>
  channel === 'negotiation' ? 'history' : channel === 'joint' ? 'shared' : 'private';

/** Why the composer is closed, or null when the mediator may write. */
export type ComposerBlock = 'negotiation' | 'unassigned' | 'stage' | 'no_platform' | null;

/**
 * `platformConfigured` is false only when the core says no platform is set up at all;
 * `readOnly` when the case left the mediator's caseload (or they declined it).
 */
export function composerBlock(channel: MessageChannel, stage: Stage, platformConfigured = true, readOnly = false): ComposerBlock {
  if (channel === 'negotiation') return 'negotiation';
  if (readOnly) return 'unassigned';
  if (stage !== 'mediation') return 'stage';
  if (!platformConfigured) return 'no_platform';
  return null;
}

/** One mediator per case, so a mediator's message in the case is the user's own. */
export const isOwn = (message: Pick<ChatMessage, 'authorRole'>): boolean => message.authorRole === 'mediator';

/** Oldest first; equal times keep a stable order by id. */
export const byTime = (a: ChatMessage, b: ChatMessage): number => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id);

/**
 * Adds or replaces one message (same id, or same clientId: the pending copy becomes the sent one)
 * without mutating the list.
 */
export function upsertMessage(list: readonly ChatMessage[], message: ChatMessage): readonly ChatMessage[] {
  const sameAs = (m: ChatMessage) => m.id === message.id || (message.clientId !== null && m.clientId === message.clientId);
  const rest = list.filter((m) => !sameAs(m));
  return [...rest, message].sort(byTime);
}

export interface DayGroup {
  /** Santiago calendar date, YYYY-MM-DD. */
  readonly day: string;
  readonly relative: 'today' | 'yesterday' | null;
  readonly messages: readonly ChatMessage[];
}

/** Messages (already in order) grouped by their Santiago calendar day. */
export function groupByDay(messages: readonly ChatMessage[], nowIso: string): readonly DayGroup[] {
  const today = localDateOf(nowIso);
  const yesterday = addDays(today, -1);
  const groups: { day: string; messages: ChatMessage[] }[] = [];
  for (const message of messages) {
    const day = localDateOf(message.sentAt);
    const last = groups.at(-1);
    if (last && last.day === day) last.messages.push(message);
    else groups.push({ day, messages: [message] });
  }
  return groups.map((g) => ({ ...g, relative: g.day === today ? 'today' : g.day === yesterday ? 'yesterday' : null }));
}

/** Within this many pixels of the end, the list counts as "at the bottom" (and follows new messages). */
export const BOTTOM_SLACK_PX = 32;

export const isAtBottom = (el: Readonly<{ scrollTop: number; scrollHeight: number; clientHeight: number }>): boolean =>
  el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
