import type { agreementOperations } from '../../../shared/contract/agreements';
import { AppError } from '../../../shared/contract/errors';
import type { Handlers } from './dispatch';

type AgreementOperation = keyof typeof agreementOperations;

// Placeholder until the agreement service lands (same issue, next commits).
const pending = (): never => {
  throw new AppError('internal', 'Agreement operations are being implemented');
};

export function createAgreementHandlers(): Pick<Handlers, AgreementOperation> {
  return {
    listAgreementTemplates: pending,
    getAgreement: pending,
    startAgreement: pending,
    saveAgreementVersion: pending,
    getAgreementVersion: pending,
    exportAgreement: pending,
    sendAgreement: pending,
    closeCaseWithAgreement: pending,
    recordFulfilment: pending,
  };
}
