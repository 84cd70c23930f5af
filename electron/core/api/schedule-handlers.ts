import { AppError } from '../../../shared/contract/errors';
import type { Handlers } from './dispatch';

export type ScheduleOperation =
  | 'listAgenda'
  | 'listCaseSessions'
  | 'checkSchedule'
  | 'scheduleSession'
  | 'rescheduleSession'
  | 'cancelSession'
  | 'recordSessionOutcome'
  | 'getSessionMinutes'
  | 'saveSessionMinutes'
  | 'exportSessionIcs'
  | 'exportAgendaIcs'
  | 'importBusyCalendar'
  | 'getScheduleSettings'
  | 'updateScheduleSettings';

const notYet = (name: ScheduleOperation) => (): never => {
  throw new AppError('internal', `${name} is not implemented yet`);
};

/** The scheduling operations (contract/schedule.ts). Placeholder while the core lands. */
export function createScheduleHandlers(): Pick<Handlers, ScheduleOperation> {
  return {
    listAgenda: notYet('listAgenda'),
    listCaseSessions: notYet('listCaseSessions'),
    checkSchedule: notYet('checkSchedule'),
    scheduleSession: notYet('scheduleSession'),
    rescheduleSession: notYet('rescheduleSession'),
    cancelSession: notYet('cancelSession'),
    recordSessionOutcome: notYet('recordSessionOutcome'),
    getSessionMinutes: notYet('getSessionMinutes'),
    saveSessionMinutes: notYet('saveSessionMinutes'),
    exportSessionIcs: notYet('exportSessionIcs'),
    exportAgendaIcs: notYet('exportAgendaIcs'),
    importBusyCalendar: notYet('importBusyCalendar'),
    getScheduleSettings: notYet('getScheduleSettings'),
    updateScheduleSettings: notYet('updateScheduleSettings'),
  };
}
