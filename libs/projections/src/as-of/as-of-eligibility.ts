import { fold, refuse } from '@app/kernel';
import { EventLike, heldCredentialsOf, learnerRecordOf, learnerStream } from '@app/records';
import { parseStoredProgram } from '@app/requirements';
import {
  admissionStream, conversionTablesOf, evolveLearnerExceptions, initialLearnerExceptionsState, LearnerAdmitted, LearnerExceptionEvent, learnerExceptionStream, latestProgramVersion, policyDecider, PolicyEvent, policyStream, programDecider, ProgramEvent, programStream, PublishedPolicy,
} from '@app/transfer';
import { EvaluatedEligibility } from '../eligibility/eligibility-answer';
import { evaluateEligibility } from '../eligibility/evaluate-eligibility';
import { AsOfCut } from './as-of-cut';
import { AsOfReader } from './as-of-reader';
import { requestAsOf } from './as-of-requests';
import { decidedFor, RequestForEligibility } from '../eligibility/decided-credit';
import { evidenceFor } from '../eligibility/home-credit';

const asDomain = <E>(events: EventLike[]): E[] => events.map((e) => ({ type: e.type, data: e.data }) as unknown as E);

/**
 * Eligibility from history alone: the learner's stream, the program's stream, the institution's
 * policy streams, the admission stream and the learner-exception stream, each cut at `cut`, folded with the same evolve
 * functions the projectors use, then evaluated with the same function as the live answer.
 */
export async function eligibilityAsOf(
  reader: AsOfReader,
  ids: { learnerId: string; programId: string; policyIds: (institutionId: string) => Promise<string[]>; requestIds: (institutionId: string) => Promise<string[]> },
  cut: AsOfCut,
  referenceDate: string,
  authorize: (institutionId: string) => void,
): Promise<{ answer: EvaluatedEligibility; upToPosition: number }> {
  const programEvents = await reader.stream(programStream(ids.programId), cut);
  const program = fold(programDecider, asDomain<ProgramEvent>(programEvents));
  const version = latestProgramVersion(program);
  if (!program.institutionId || version === null) throw refuse.notFound('program-not-found', `program ${ids.programId} was not published as of the cut`);
  authorize(program.institutionId);
  const learnerEvents = await reader.stream(learnerStream(ids.learnerId), cut);
  const record = learnerRecordOf(learnerEvents);
  if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${ids.learnerId} was not registered as of the cut`);
  const parsed = parseStoredProgram(program.definitions[version]);
  if (!parsed.ok) throw new Error(`stored program ${ids.programId}@${version} no longer parses`);
  const policies: PublishedPolicy[] = [];
  const read = [programEvents, learnerEvents];
  for (const policyId of await ids.policyIds(program.institutionId)) {
    const events = await reader.stream(policyStream(policyId), cut);
    read.push(events);
    if (events.length > 0) policies.push({ policyId, state: fold(policyDecider, asDomain<PolicyEvent>(events)), conversionTables: conversionTablesOf(events) });
  }
  const admissionEvents = await reader.stream(admissionStream(program.institutionId, ids.learnerId), cut);
  read.push(admissionEvents);
  const admitted = admissionEvents.some((e) => {
    const d = e.data as LearnerAdmitted['data'];
    return e.type === 'LearnerAdmitted' && d.programId === ids.programId && d.decidedOn <= referenceDate;
  });
  const exceptionEvents = await reader.stream(learnerExceptionStream(program.institutionId, ids.learnerId), cut);
  read.push(exceptionEvents);
  const learnerExceptions = asDomain<LearnerExceptionEvent>(exceptionEvents).reduce(evolveLearnerExceptions, initialLearnerExceptionsState).exceptions.filter((x) => x.programId === ids.programId);
  const requests: RequestForEligibility[] = [];
  for (const requestId of await ids.requestIds(program.institutionId)) {
    const found = await requestAsOf(reader, requestId, cut);
    if (!found) continue;
    read.push(found.events);
    requests.push({ state: found.state, position: found.row.lastPosition });
  }
  const { decided, exceptions } = decidedFor(requests, record);
  const { evidence, home } = evidenceFor(record, program.institutionId, new Set(decided.map((d) => d.refId)));
  const answer = evaluateEligibility({
    decided,
    exceptions,
    learnerExceptions,
    homeItems: home,
    learnerId: ids.learnerId,
    program: { programId: ids.programId, version, institutionId: program.institutionId, program: parsed.program },
    policies,
    evidence,
    credentialsHeld: heldCredentialsOf(record),
    admitted,
    referenceDate,
  });
  return { answer, upToPosition: AsOfReader.upTo(cut, read) };
}
