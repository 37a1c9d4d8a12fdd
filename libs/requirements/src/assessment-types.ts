/**
 * How learning was assessed: the vocabulary records keep on every completion and credential, and
 * the one program filters (`assessmentTypes`) and recognition policies (`assessmentTypes`, on the
 * policy or on one equivalency) are written in.
 */
export const ASSESSMENT_TYPES = ['proctored-exam', 'online-assessment', 'onsite-exam', 'project', 'portfolio', 'none'] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];
