import type { CaseDetailView } from '../../../shared/contract/cases';
import type { Store } from '../db/store';
import { caseRepository } from '../repositories/case-repository';
import { assignmentRepository } from '../sync/assignments';

/** What getCase and the case writes answer: the case plus the mediator's assignment (sync data). */
export async function caseDetailView(store: Store, caseId: string): Promise<CaseDetailView> {
  const [detail, assignment] = await Promise.all([caseRepository.get(store, caseId), assignmentRepository.view(store.db, caseId)]);
  return { ...detail, assignment };
}
