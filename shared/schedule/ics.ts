/** RFC 5545 in and out: the entry point other modules import (see the files for the decisions). */
export { agendaToIcs, icsStatus, sessionToIcs } from './ics-export';
export type { AgendaEntry, AgendaIcsOptions, IcsAttendee, IcsEventContent, IcsMethod, IcsPerson, SessionIcsOptions } from './ics-export';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_EVENTS, parseBusyIcs } from './ics-import';
export type { BusyImportOptions, BusyImportRefusal, BusyImportResult, BusyImportWarning, BusyImportWarningCode } from './ics-import';
export { escapeText, foldLine, unescapeText } from './ics-text';
export { vtimezoneLines } from './vtimezone';
