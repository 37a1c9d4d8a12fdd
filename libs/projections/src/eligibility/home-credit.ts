import { CompletionView, eqfCode, engineGradeOf, LearnerRecord, recognitionEvidenceOf } from '@app/records';
import { LearnerItem, RecognitionEvidence } from '@app/requirements';

/**
 * A learner's record as a program of one institution sees it: completions of that institution's
 * own courses are home completions (they count as taken here, in residence when recorded so, and
 * need no recognition), everything else is external evidence for the recognition policy.
 */
export function evidenceFor(record: LearnerRecord, institutionId: string): { evidence: RecognitionEvidence[]; home: LearnerItem[] } {
  const own = new Set(record.completions.filter((c) => c.issuerId === institutionId).map((c) => c.completionId));
  return {
    evidence: recognitionEvidenceOf(record).filter((e) => !(e.kind === 'course' && own.has(e.id))),
    home: record.completions.filter((c) => own.has(c.completionId)).map(homeItem),
  };
}

function homeItem(c: CompletionView): LearnerItem {
  const item: LearnerItem = {
    id: `home:${c.completionId}`, source: 'home', courseId: c.courseId, title: c.courseTitle, credits: c.credits, unit: c.unit,
    level: eqfCode(c.eqfLevel), field: c.field, issuer: c.issuerId, grade: engineGradeOf(c.grade), date: c.completedOn, inResidence: c.inResidence,
  };
  if (c.tags.length) item.tags = [...c.tags];
  const eventId = c.corrections.at(-1)?.evidence.eventId ?? c.evidence.eventId;
  if (eventId) item.evidenceEventId = eventId;
  return item;
}
