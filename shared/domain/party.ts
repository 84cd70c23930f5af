import { z } from 'zod';
import { EntityId } from './ids';
import { isValidRut } from './rut';

export const PartyRole = z.enum(['consumer', 'company']);
export type PartyRole = z.infer<typeof PartyRole>;

/** A RUT in canonical form: digits, hyphen, check digit ("12345678-5"). Foreigners may have none. */
export const Rut = z.string().refine(isValidRut, { message: 'RUT inválido' });

export const Representative = z.object({
  name: z.string().min(1).max(200),
  rut: Rut.nullable(),
  email: z.email().nullable(),
  /** e.g. "abogado", "apoderado", "ejecutivo de servicio al cliente". */
  capacity: z.string().min(1).max(100),
});
export type Representative = z.infer<typeof Representative>;

export const Party = z.object({
  id: EntityId,
  caseId: EntityId,
  role: PartyRole,
  name: z.string().min(1).max(200),
  rut: Rut.nullable(),
  email: z.email().nullable(),
  phone: z.string().max(40).nullable(),
  representative: Representative.nullable(),
});
export type Party = z.infer<typeof Party>;
