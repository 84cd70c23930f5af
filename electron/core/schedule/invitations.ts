import type { AgendaRange, IcsFile } from '../../../shared/contract/schedule';
import { agendaToIcs, sessionToIcs, type IcsAttendee, type IcsPerson } from '../../../shared/schedule/ics';
import type { Session, SessionKind } from '../../../shared/schedule/session';
import type { Store } from '../db/store';
import { profileRepository } from '../repositories/profile-repository';

/**
 * .ics files of sessions (shared/schedule/ics does RFC 5545). UID is stable per session
 * (`${sessionId}@${UID_DOMAIN}`), SEQUENCE is the session's (the platform raises it on each
 * change the parties must see), METHOD:REQUEST — or CANCEL once cancelled — for one session;
 * the agenda is a plain calendar (no METHOD). The text is neutral: kind and folio, never the
 * mediator's minutes, notes or case details.
 */
export const UID_DOMAIN = 'mesa.cam-santiago.example';
export const sessionUid = (sessionId: string): string => `${sessionId}@${UID_DOMAIN}`;

const KIND_TEXT: Readonly<Record<SessionKind, string>> = {
  joint: 'Sesión conjunta de mediación',
  caucus_consumer: 'Sesión privada de mediación (parte consumidora)',
  caucus_company: 'Sesión privada de mediación (empresa)',
};

interface CaseInvitees {
  readonly folio: string;
  readonly attendees: IcsAttendee[];
}

/** Folio and the invited parties with an e-mail (names and confirmations from the session). */
async function inviteesOf(store: Store, session: Session): Promise<CaseInvitees> {
  const [caseRow, parties] = await Promise.all([
    store.db.selectFrom('cases').select('folio').where('id', '=', session.caseId).executeTakeFirst(),
    store.db.selectFrom('parties').select(['role', 'email', 'representative']).where('case_id', '=', session.caseId).execute(),
  ]);
  const attendees: IcsAttendee[] = [];
  for (const participant of session.participants) {
    if (participant.role === 'mediator') continue;
    const party = parties.find((p) => p.role === participant.role);
    const representative = party?.representative ? (JSON.parse(party.representative) as { email: string | null }) : null;
    const email = participant.role === 'company' ? (representative?.email ?? party?.email) : party?.email;
    if (email) attendees.push({ name: participant.name, email, role: participant.role, confirmation: participant.confirmation });
  }
  return { folio: caseRow?.folio ?? session.caseId, attendees };
}

async function organizer(store: Store): Promise<IcsPerson> {
  const { user } = await profileRepository.get(store.db);
  return { name: user.name, email: user.email };
}

const summaryOf = (session: Session, folio: string): string => `${KIND_TEXT[session.kind]} — caso ${folio}`;

export async function sessionIcs(store: Store, session: Session, now: Date): Promise<IcsFile> {
  const [{ folio, attendees }, chair] = await Promise.all([inviteesOf(store, session), organizer(store)]);
  const method = session.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const content = sessionToIcs(session, {
    method,
    dtstamp: now.toISOString(),
    uid: sessionUid(session.id),
    summary: summaryOf(session, folio),
    organizer: chair,
    attendees: [{ ...chair, role: 'mediator', confirmation: 'confirmed' }, ...attendees],
  });
  return { fileName: `sesion-${folio}-${session.startsAt.slice(0, 10)}${method === 'CANCEL' ? '-cancelada' : ''}.ics`, content };
}

export async function agendaIcs(store: Store, sessions: readonly Session[], range: AgendaRange, now: Date): Promise<IcsFile> {
  const chair = await organizer(store);
  const entries = await Promise.all(
    sessions.map(async (session) => {
      const { folio } = await inviteesOf(store, session);
      return { session, content: { uid: sessionUid(session.id), summary: summaryOf(session, folio), organizer: chair } };
    }),
  );
  const content = agendaToIcs(entries, { dtstamp: now.toISOString(), calendarName: 'Mesa — agenda de sesiones' });
  return { fileName: `agenda-${range.from.slice(0, 10)}-${range.to.slice(0, 10)}.ics`, content };
}
