import type { Locale } from '../../../shared/contract/app';
import type { EventPayload } from '../../../shared/contract/events';
import type { DeadlineKind } from '../../../shared/domain/deadline';
import type { SessionKind } from '../../../shared/schedule/session';

/**
 * The words of an OS notification: "Sesión conjunta en 1 hora — caso RL-2026-000123". Only
 * the kind, the time left and the folio: never party names, descriptions or minutes (a
 * notification is read on a locked screen). Kept here, not in shared/i18n, because the main
 * process shows it without the renderer.
 */
const SUBJECT: Readonly<Record<Locale, Readonly<Record<SessionKind | DeadlineKind, string>>>> = {
  'es-CL': {
    joint: 'Sesión conjunta',
    caucus_consumer: 'Sesión privada con la parte consumidora',
    caucus_company: 'Sesión privada con la empresa',
    brand_response: 'Plazo de respuesta de la empresa',
    mediation_acceptance: 'Plazo de aceptación de la mediación',
    mediation_window: 'Plazo de la mediación',
    rating_amendment: 'Plazo de corrección de la calificación',
    agreement_fulfilment: 'Plazo de cumplimiento del acuerdo',
  },
  en: {
    joint: 'Joint session',
    caucus_consumer: 'Private session with the consumer',
    caucus_company: 'Private session with the company',
    brand_response: 'Company response deadline',
    mediation_acceptance: 'Mediation acceptance deadline',
    mediation_window: 'Mediation deadline',
    rating_amendment: 'Rating amendment deadline',
    agreement_fulfilment: 'Agreement fulfilment deadline',
  },
};

function timeLeft(minutes: number, locale: Locale): string {
  const es = locale === 'es-CL';
  if (minutes < 60) return es ? `${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}` : `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return es ? `${hours} ${hours === 1 ? 'hora' : 'horas'}` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.round(hours / 24);
  return es ? `${days} días` : `${days} days`;
}

export function reminderText(reminder: EventPayload<'reminderDue'>, now: Date, locale: Locale): { title: string; body: string } {
  const minutes = Math.max(1, Math.round((Date.parse(reminder.at) - now.getTime()) / 60_000));
  const subject = SUBJECT[locale][reminder.subject];
  const es = locale === 'es-CL';
  const when = reminder.kind === 'session' ? (es ? `en ${timeLeft(minutes, locale)}` : `in ${timeLeft(minutes, locale)}`) : es ? `vence en ${timeLeft(minutes, locale)}` : `due in ${timeLeft(minutes, locale)}`;
  return {
    title: `${subject} ${when} — ${es ? 'caso' : 'case'} ${reminder.folio}`,
    body: es ? 'Abra Mesa para ver el detalle.' : 'Open Mesa for the details.',
  };
}
