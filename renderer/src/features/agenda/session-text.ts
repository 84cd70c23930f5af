import type { Locale } from '../../../../shared/contract/app';
import type { SessionView } from '../../../../shared/contract/schedule';
import { partyLocalTime, wallTime, type PartyLocalTime } from '../../../../shared/schedule/local-time';

/**
 * The other clocks a session is seen on: one entry per participant zone whose offset differs
 * from the mediator's at that instant ("14:00 en Isla de Pascua"), each zone once.
 */
export function otherClocks(session: Pick<SessionView, 'startsAt' | 'participants'>, mediatorZone: string, locale: Locale): readonly PartyLocalTime[] {
  const seen = new Set<string>();
  const clocks: PartyLocalTime[] = [];
  for (const participant of session.participants) {
    if (participant.role === 'mediator' || seen.has(participant.zone)) continue;
    seen.add(participant.zone);
    const other = partyLocalTime(session.startsAt, participant.zone, mediatorZone, locale);
    if (other) clocks.push(other);
  }
  return clocks;
}

/** "10:00–11:00" on the mediator's clock. */
export const timeSpan = (session: Pick<SessionView, 'startsAt' | 'endsAt'>, zone: string): string => `${wallTime(session.startsAt, zone).time}–${wallTime(session.endsAt, zone).time}`;
