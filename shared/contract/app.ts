import { z } from 'zod';
import { Mediator } from '../domain/people';

export const Locale = z.enum(['es-CL', 'en']);
export type Locale = z.infer<typeof Locale>;

export const AppInfo = z.object({
  version: z.string(),
  /** 'electron' in the desktop app, 'web' in the development and test host. */
  host: z.enum(['electron', 'web']),
  locale: Locale,
  user: Mediator,
  caseCount: z.number().int().min(0),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const Settings = z.object({ locale: Locale });
export type Settings = z.infer<typeof Settings>;

export const UpdateSettingsInput = z.object({ locale: Locale });
