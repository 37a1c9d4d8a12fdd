/** Step 2: MITx (issuer) defines its courses, registers learners and records what they completed. */
import { ApiClient, serverMessageOf } from './http-client';
import { pad, Reporter } from './report';
import { completionBody, CourseCode, courseBody, courseIdOf, courseTitle, MICROMASTERS_CODES, microMastersBody, microMastersDefinitionBody, ScenarioIds } from './scm-fixtures';

/** What the issuer recorded for one learner. */
export interface LearnerRecorded {
  learnerId: string;
  /** completion id -> course code, in the order recorded. */
  completions: Map<string, CourseCode>;
  credentialId: string | null;
}

export async function defineCourses(mitx: ApiClient, ids: ScenarioIds, report: Reporter): Promise<void> {
  for (const code of MICROMASTERS_CODES) {
    const body = courseBody(ids, code);
    await mitx.post('/courses', body);
    report.step(`course ${pad(courseIdOf(ids, code), 26)} ${pad(courseTitle(code), 38)} ${String(body.credits)} ${String(body.unit)}`);
  }
}

/** MITx publishes what its MicroMasters requires: a complete award is checked against it. */
export async function publishMicroMastersDefinition(mitx: ApiClient, ids: ScenarioIds, report: Reporter): Promise<void> {
  const body = microMastersDefinitionBody(ids);
  await mitx.post(`/credential-definitions/${ids.credentialCode}/versions`, body);
  report.step(`credential definition ${ids.credentialCode} version ${String(body.version)}: ${MICROMASTERS_CODES.length} component courses, each passed (${MICROMASTERS_CODES.join(', ')})`);
}

/** MITx tries to award the complete MicroMasters over an incomplete stack: refused, with what is missing. */
export async function tryCompleteAward(mitx: ApiClient, ids: ScenarioIds, learner: LearnerRecorded, report: Reporter): Promise<void> {
  const refused = await mitx.post<{ code?: string; errors?: { message: string }[] }>(
    `/learners/${learner.learnerId}/credentials`,
    microMastersBody([...learner.completions.keys()], ids.credentialCode),
    { accept: [409] },
  );
  report.step(`a complete ${ids.credentialCode} over these ${learner.completions.size} completions is refused: HTTP ${refused.status} ${refused.body.code ?? ''}`);
  for (const miss of refused.body.errors ?? []) report.detail(`missing: ${miss.message}`);
  if (!refused.body.errors?.length) report.detail(serverMessageOf(refused.body, 'no reason given'));
}

/**
 * Registers a learner and records a completion of each course in `codes`; with `award`, the
 * complete MicroMasters credential over those completions.
 */
export async function recordLearner(mitx: ApiClient, ids: ScenarioIds, codes: readonly CourseCode[], award: boolean, report: Reporter): Promise<LearnerRecorded> {
  const learnerId = (await mitx.post('/learners', {})).body.id;
  report.step(`learner registered: ${learnerId}`);
  const completions = new Map<string, CourseCode>();
  for (const code of codes) {
    const body = completionBody(ids, code, MICROMASTERS_CODES.indexOf(code));
    const completionId = (await mitx.post(`/learners/${learnerId}/completions`, body)).body.id;
    completions.set(completionId, code);
    const grade = body.grade as { value: string };
    report.step(`completion ${pad(code, 5)} ${pad(courseTitle(code), 38)} grade ${grade.value}%, ${String(body.completedOn)}, identity verified`);
  }
  if (!award) {
    const absent = MICROMASTERS_CODES.filter((code) => !codes.includes(code));
    report.step(`no MicroMasters credential: ${absent.join(', ')} not completed`);
    return { learnerId, completions, credentialId: null };
  }
  const awarded = await mitx.post(`/learners/${learnerId}/credentials`, microMastersBody([...completions.keys()], ids.credentialCode));
  const credentialId = awarded.body.id;
  report.step(`credential awarded: MicroMasters ${ids.credentialCode}, complete (checked against its definition), over ${completions.size} completions (${credentialId})`);
  return { learnerId, completions, credentialId };
}
