/**
 * The renderer's one door to the shared formatters (shared/format), so a rename there is one
 * edit here. No formatting rules live in the renderer.
 */
export { formatClp } from '../../../shared/format/clp';
export { formatDate, formatDateTime, formatLocalDate, formatTime } from '../../../shared/format/dates';
