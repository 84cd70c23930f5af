import type { agreementOperations } from '../../../shared/contract/agreements';
import type { Handlers } from './dispatch';

type AgreementOperation = keyof typeof agreementOperations;

export function createAgreementHandlers(): Pick<Handlers, AgreementOperation> {
  return {};
}
