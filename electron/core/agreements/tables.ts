import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The tables of migration 0006, typed here so the agreement code owns its own schema. */
export type AgreementVersionsTable = {
  case_id: string;
  number: number;
  template_id: string;
  /** JSON of AgreementContent. */
  content: string;
  /** JSON of AgreementVariables. */
  variables: string;
  sha256: string;
  based_on: number | null;
  based_on_stale: number;
  saved_at: string;
  saved_by: string;
  sent_at: string | null;
  send_client_id: string | null;
  delivery: 'not_sent' | 'pending' | 'delivered' | 'failed';
}

/** 0002's feed table with 0006's columns. */
export type PlatformAgreementsTable = {
  id: string;
  case_id: string;
  number: number;
  status: string;
  consumer_decision: string;
  company_decision: string;
  consumer_reason: string | null;
  company_reason: string | null;
  consumer_decided_at: string | null;
  company_decided_at: string | null;
  content_sha256: string | null;
  sent_at: string | null;
  updated_at: string;
  version: number;
}

export type AgreementFulfilmentTable = {
  case_id: string;
  version_number: number;
  /** The row of `deadlines` (kind agreement_fulfilment) that holds the agreed date. */
  deadline_id: string;
  closed_at: string;
  status: 'pending' | 'fulfilled' | 'not_fulfilled';
  note: string | null;
  recorded_at: string | null;
}

export type AgreementTables = {
  agreement_versions: AgreementVersionsTable;
  agreements: PlatformAgreementsTable;
  agreement_fulfilment: AgreementFulfilmentTable;
}

export type AgreementDb = Kysely<Omit<Database, 'agreements'> & AgreementTables>;

export const agreementDb = (db: Kysely<Database>): AgreementDb => db.withTables<AgreementTables>() as unknown as AgreementDb;
