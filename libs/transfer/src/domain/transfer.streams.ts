/** Stream names of the transfer context: `<aggregate>-<id>` (event-store stream name rules). */
export const programStream = (programId: string): string => `program-${programId}`;
export const policyStream = (policyId: string): string => `policy-${policyId}`;
/** One admission stream per receiving institution and learner (it lists the programs admitted to). */
export const admissionStream = (institutionId: string, learnerId: string): string => `admission-${institutionId}-${learnerId}`;
export const transferRequestStream = (requestId: string): string => `transfer-${requestId}`;
/** One stream of learner exceptions per receiving institution and learner (exceptions not tied to a request). */
export const learnerExceptionStream = (institutionId: string, learnerId: string): string => `exceptions-${institutionId}-${learnerId}`;
