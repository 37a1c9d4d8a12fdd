import { CompletionView, eqfCode, engineGradeOf, evidenceItemId, isPassingGrade, isWithdrawn, LearnerRecord, recognitionEvidenceOf } from '@app/records';
import { LearnerItem, RecognitionEvidence } from '@app/requirements';

/**
 * A learner's record as a program of one institution sees it. Home completions: courses the
 * institution itself recorded as taken in residence (on its campus) and passed, and that no
 * request decided; they count as taken here, with no recognition. Everything else, the
 * institution's own online courses and micro-credentials included (credited under its own policy,
 * with its age, level, grade and admission rules), is evidence for the recognition policy; a
 * failed or withdrawn home course counts for nothing. `decided`: completion ids. Home items are
 * `home:completion:<id>` to the engine (the answer drops the `home:`).
 */
export function evidenceFor(record: LearnerRecord, institutionId: string, decided: ReadonlySet<string> = new Set()): { evidence: RecognitionEvidence[]; home: LearnerItem[] } {
  const campus = record.completions.filter((c) => c.issuerId === institutionId && c.inResidence && !decided.has(c.completionId) && !isWithdrawn(c));
  const homeIds = new Set(campus.map((c) => evidenceItemId('completion', c.completionId)));
  return {
    evidence: recognitionEvidenceOf(record).filter((e) => !(e.kind === 'course' && homeIds.has(e.id))),
    home: campus.filter((c) => isPassingGrade(c.grade)).map(homeItem),
  };
}

function homeItem(c: CompletionView): LearnerItem {
  const item: LearnerItem = {
    id: `home:${evidenceItemId('completion', c.completionId)}`, source: 'home', courseId: c.courseId, title: c.courseTitle, credits: c.credits, unit: c.unit,
    level: eqfCode(c.eqfLevel), field: c.field, issuer: c.issuerId, grade: engineGradeOf(c.grade), date: c.completedOn, inResidence: c.inResidence,
    assessmentType: c.assessmentType, identityVerified: c.identityVerified,
  };
  if (c.tags.length) item.tags = [...c.tags];
  const eventId = c.corrections.at(-1)?.evidence.eventId ?? c.evidence.eventId;
  if (eventId) item.evidenceEventId = eventId;
  return item;
}
