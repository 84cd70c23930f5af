import type { Kysely } from 'kysely';

/** 0005_documents — IMMUTABLE once released. SCAFFOLD: its tables land with issue 4. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
