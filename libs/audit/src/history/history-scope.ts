import { EntityManager } from 'typeorm';
import { HistoryRow, HistorySubjectRow } from '@app/projections';

/**
 * The scope rule of the audit history, stated once. An auditor scoped to institutions S sees, in
 * any history, the events that name an institution of S (the actor's, the issuer, the receiving or
 * submitting institution, the owner of a program or policy), and, in a LEARNER's history, every
 * event of the learner's own record (stream `learner-<id>`: registration, enrollments, completions,
 * regrades, awards, revocations, whoever recorded them) as soon as the learner has a credit-transfer
 * request to or from, an admission at, or an exception granted by, an institution of S. Every answer such an institution
 * gets about the learner (its requests' evaluations, eligibility, progress, ledger, reproduction,
 * as-of) reads that record: an event that changed one of them (a revocation by the issuer, a regrade)
 * concerns the institution, and its auditor sees it, as it sees its effect on those routes.
 */
/** Does the learner have a request to or from, an admission at, or an exception from an institution in `scope`? (From the history index.) */
export async function learnerRelatedToScope(manager: EntityManager, learnerId: string, scope: readonly string[]): Promise<boolean> {
  if (scope.length === 0) return false;
  return manager
    .createQueryBuilder(HistorySubjectRow, 'l')
    .innerJoin(HistoryRow, 'e', 'e.position = l.position')
    .innerJoin(HistorySubjectRow, 'i', "i.position = l.position AND i.subjectKind = 'institution' AND i.subjectId IN (:...scope)", { scope: [...scope] })
    .where("l.subjectKind = 'learner' AND l.subjectId = :learnerId", { learnerId })
    .andWhere("(e.stream LIKE 'transfer-%' OR e.stream LIKE 'admission-%' OR e.stream LIKE 'exceptions-%')")
    .getExists();
}
