import { z } from 'zod';
import { AppInfo, Settings, UpdateSettingsInput } from './app';
import { agreementOperations } from './agreements';
import { documentOperations } from './documents';
import { Empty, op } from './op';
import {
  AddNoteInput,
  CaseDetailView,
  CaseListPage,
  CaseListQuery,
  CaseRef,
  DecideAssignmentInput,
  DeleteNoteInput,
  NoteList,
  Timeline,
  TransitionCaseInput,
  UpdateNoteInput,
} from './cases';
import { Note } from '../domain/people';
import {
  ChatMessage,
  ListMessagesInput,
  ResolveConflictInput,
  RetryMessageInput,
  SendMessageInput,
  SignInInput,
  SyncConflict,
  SyncStatus,
} from './sync';
import {
  Agenda,
  AgendaRange,
  CalendarImportResult,
  CancelSessionInput,
  CheckScheduleInput,
  IcsFile,
  ImportBusyCalendarInput,
  ListCaseSessionsInput,
  RecordSessionOutcomeInput,
  RescheduleSessionInput,
  SaveSessionMinutesInput,
  ScheduleCheck,
  ScheduleSessionInput,
  ScheduleSettings,
  SessionMinutes,
  SessionRef,
  SessionView,
} from './schedule';


/**
 * The one table of operations. The preload bridge, the Electron IPC binding, the web host and
 * the renderer's client are all derived from it; adding an operation is one entry here plus its
 * handler in electron/core/api.
 */
export const operations = {
  getAppInfo: op(Empty, AppInfo),
  getSettings: op(Empty, Settings),
  updateSettings: op(UpdateSettingsInput, Settings),
  listCases: op(CaseListQuery, CaseListPage),
  getCase: op(CaseRef, CaseDetailView),
  transitionCase: op(TransitionCaseInput, CaseDetailView),
  getCaseTimeline: op(CaseRef, Timeline),
  listNotes: op(CaseRef, NoteList),
  addNote: op(AddNoteInput, Note),
  updateNote: op(UpdateNoteInput, Note),
  deleteNote: op(DeleteNoteInput, z.object({ noteId: z.string() })),
  getSyncStatus: op(Empty, SyncStatus),
  signIn: op(SignInInput, SyncStatus),
  signOut: op(Empty, SyncStatus),
  syncNow: op(Empty, SyncStatus),
  listMessages: op(ListMessagesInput, z.array(ChatMessage)),
  sendMessage: op(SendMessageInput, ChatMessage),
  retryMessage: op(RetryMessageInput, ChatMessage),
  listConflicts: op(CaseRef, z.array(SyncConflict)),
  resolveConflict: op(ResolveConflictInput, SyncStatus),
  decideAssignment: op(DecideAssignmentInput, CaseDetailView),
  listAgenda: op(AgendaRange, Agenda),
  listCaseSessions: op(ListCaseSessionsInput, z.array(SessionView)),
  checkSchedule: op(CheckScheduleInput, ScheduleCheck),
  scheduleSession: op(ScheduleSessionInput, SessionView),
  rescheduleSession: op(RescheduleSessionInput, SessionView),
  cancelSession: op(CancelSessionInput, SessionView),
  recordSessionOutcome: op(RecordSessionOutcomeInput, SessionView),
  getSessionMinutes: op(SessionRef, SessionMinutes),
  saveSessionMinutes: op(SaveSessionMinutesInput, SessionMinutes),
  exportSessionIcs: op(SessionRef, IcsFile),
  exportAgendaIcs: op(AgendaRange, IcsFile),
  importBusyCalendar: op(ImportBusyCalendarInput, CalendarImportResult),
  getScheduleSettings: op(Empty, ScheduleSettings),
  updateScheduleSettings: op(ScheduleSettings, ScheduleSettings),
  ...documentOperations,
  ...agreementOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];

export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
export type OperationParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Operations[K]['output']>;

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);

/** The IPC channel of an operation. Only this function makes channel names. */
export const channelOf = (name: OperationName): string => `mesa:op:${name}`;
