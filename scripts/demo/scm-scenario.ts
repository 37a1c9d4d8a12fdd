/**
 * The MIT Supply Chain Management blended scenario, played through the public HTTP API of a
 * running server: institutions, the MicroMasters at MITx, the program and policy at MIT, a
 * credit-transfer request (the university finds the program in MIT's catalog first) evaluated and
 * decided, then eligibility for the reduced residency, for a learner with the complete credential
 * and for one a course short; the university lists the requests it sent.
 */
import { EligibilityAnswer } from './eligibility';
import { askEligibility } from './eligibility-steps';
import { ApiClient } from './http-client';
import { defineCourses, publishMicroMastersDefinition, recordLearner, tryCompleteAward } from './issuer-steps';
import { provisionInstitutions } from './provision';
import { admit, publishProgramAndPolicy } from './registrar-steps';
import { Reporter } from './report';
import { COMPREHENSIVE_EXAM, CourseCode, MICROMASTERS_CODES, ONLINE_COURSES, ScenarioIds, scenarioIds } from './scm-fixtures';
import { decideAsProposed, submitAndReadEvaluation } from './transfer-steps';
import { findProgramInCatalog, followSubmissions } from './university-steps';

export interface ScmDemoOptions {
  baseUrl: string;
  adminToken: string;
  /** Suffix of every id this run creates. */
  tag: string;
  report: Reporter;
}

export interface ScmDemoOutcome {
  ids: ScenarioIds;
  complete: { learnerId: string; requestId: string; eligibility: EligibilityAnswer };
  oneCourseShort: { learnerId: string; requestId: string; eligibility: EligibilityAnswer };
}

export async function runScmDemo(options: ScmDemoOptions): Promise<ScmDemoOutcome> {
  const { report } = options;
  const ids = scenarioIds(options.tag);
  const admin = new ApiClient(options.baseUrl, options.adminToken, 'platform admin');
  const { mitx, mit, university } = await provisionInstitutions(admin, ids, report);

  report.section(`MITx records the Supply Chain Management MicroMasters (issuer ${ids.mitx})`);
  await defineCourses(mitx, ids, report);
  await publishMicroMastersDefinition(mitx, ids, report);
  const complete = await recordLearner(mitx, ids, MICROMASTERS_CODES, true, report);

  report.section(`MIT publishes the SCM blended program and its recognition policy (registrar ${ids.mit})`);
  const published = await publishProgramAndPolicy(mit, ids, report);
  await admit(mit, ids, complete.learnerId, report);

  report.section('Credit-transfer request: submitted by the university, evaluated at once, decided by MIT');
  await findProgramInCatalog(university, ids, published, report);
  const request = await submitAndReadEvaluation(university, mit, ids, complete, report);
  const decided = await decideAsProposed(mit, request, report);

  report.section('Eligibility: the complete MicroMasters shortens the residency');
  const completeEligibility = await askEligibility(mit, ids, complete.learnerId, decided, report);

  report.section('A second learner, one online course short (no complete credential)');
  const shortCodes: CourseCode[] = [...ONLINE_COURSES.filter((code) => code !== 'sc4x'), COMPREHENSIVE_EXAM];
  const short = await recordLearner(mitx, ids, shortCodes, false, report);
  await tryCompleteAward(mitx, ids, short, report);
  await admit(mit, ids, short.learnerId, report);
  const shortRequest = await submitAndReadEvaluation(university, mit, ids, short, report);
  const shortEligibility = await askEligibility(mit, ids, short.learnerId, shortRequest.position, report);

  report.section(`The university follows the requests it sent (${ids.university})`);
  await followSubmissions(university, ids, 2, shortRequest.position, report);

  return {
    ids,
    complete: { learnerId: complete.learnerId, requestId: request.requestId, eligibility: completeEligibility },
    oneCourseShort: { learnerId: short.learnerId, requestId: shortRequest.requestId, eligibility: shortEligibility },
  };
}
