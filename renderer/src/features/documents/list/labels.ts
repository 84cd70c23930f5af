import type { DocumentView } from '../../../../../shared/contract/documents';
import type { Translator } from '../../../../../shared/i18n';

/** Who filed a document: a party's role, or the mediator. */
export const submitterLabel = (i18n: Pick<Translator, 't'>, submittedBy: DocumentView['submittedBy']): string =>
  submittedBy === 'mediator' ? i18n.t('documents.submittedBy.mediator') : i18n.t(`partyRole.${submittedBy}`);
