import { ProgramEvaluation, ProgramException } from '@app/requirements';
import { LearnerExceptionRecord } from '@app/transfer';
import { ExceptionsAnswer } from './eligibility-answer';

/** Where an exception was granted: on one of the learner's requests, or to the learner (POST /learners/{id}/exceptions). */
export type ExceptionSource = 'request' | 'learner';

/**
 * The learner's exceptions in force (not revoked) as the engine takes them, next to the request
 * exceptions, through the same application code: bound to the evaluated version when granted for
 * it or carried forward to it, else to the last version it is bound to (the engine then reports it
 * ignored, and `withSources` says why in the registrar's terms). A substitution names the learner's
 * item: its home credit when the institution's own course, else its recognized credit.
 */
export function learnerProgramExceptions(records: readonly LearnerExceptionRecord[], version: string, homeItemIds: ReadonlySet<string>): ProgramException[] {
  return records
    .filter((x) => x.revoked === null)
    .map((x): ProgramException => {
      const programVersion = x.versions.includes(version) ? version : x.versions[x.versions.length - 1];
      if (x.kind === 'waive') return { id: x.exceptionId, kind: 'waive', path: x.rulePath, programVersion, reason: x.reason };
      const item = x.itemId ?? '';
      return { id: x.exceptionId, kind: 'substitute', path: x.rulePath, programVersion, itemId: homeItemIds.has(`home:${item}`) ? `home:${item}` : `recognized:${item}`, reason: x.reason };
    });
}

/**
 * The engine's applied and ignored exceptions, each with its source; a learner exception granted
 * for another version is reported not applied, never dropped, with how to make it apply.
 */
export function withSources(engine: ProgramEvaluation['exceptions'], learner: readonly LearnerExceptionRecord[], version: string): ExceptionsAnswer {
  const byId = new Map(learner.map((x) => [x.exceptionId, x]));
  const sourceOf = (id: string): ExceptionSource => (byId.has(id) ? 'learner' : 'request');
  return {
    applied: engine.applied.map((a) => ({ id: a.id, kind: a.kind, path: a.path, source: sourceOf(a.id) })),
    ignored: engine.ignored.map((i) => {
      const x = byId.get(i.id);
      if (x && !x.versions.includes(version)) {
        return { id: i.id, path: i.path, reason: `granted for version ${x.versions.join(', ')}; this answer evaluates version ${version}; carry it forward to apply it`, source: 'learner' };
      }
      return { id: i.id, path: i.path, reason: i.reason, source: sourceOf(i.id) };
    }),
  };
}
