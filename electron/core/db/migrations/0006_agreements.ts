import type { Kysely } from 'kysely';

/** 0006_agreements — IMMUTABLE once released. SCAFFOLD: its tables land with issue 6. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
