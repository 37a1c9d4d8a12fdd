/** Step 2: MITx (issuer) defines its courses, registers learners and records what they completed. */
import { ApiClient } from './http-client';
import { pad, Reporter } from './report';
import { completionBody, CourseCode, courseBody, courseIdOf, courseTitle, MICROMASTERS_CODES, microMastersBody, ScenarioIds } from './scm-fixtures';

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
  const credentialId = (await mitx.post(`/learners/${learnerId}/credentials`, microMastersBody([...completions.keys()]))).body.id;
  report.step(`credential awarded: MicroMasters MITx-SCM-MM, complete, over ${completions.size} completions (${credentialId})`);
  return { learnerId, completions, credentialId };
}
