import { z } from 'zod';

/** Identifiers are opaque strings chosen by the platform (or UUIDs made locally). */
export const EntityId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'id inválido');
export type EntityId = z.infer<typeof EntityId>;

/** An instant, always stored and exchanged as an ISO-8601 UTC string ("2026-04-04T03:00:00.000Z"). */
export const Instant = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof Instant>;

/** A calendar date without time ("2026-09-18"), as a Chilean receipt prints it. */
export const LocalDate = z.iso.date();
export type LocalDate = z.infer<typeof LocalDate>;

/** Amounts are integer Chilean pesos: CLP has no decimals. */
export const AmountClp = z.number().int().min(0).max(999_999_999_999);
export type AmountClp = z.infer<typeof AmountClp>;
