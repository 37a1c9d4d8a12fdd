/**
 * Reading back a definition that was published earlier (from its event) is not publishing it:
 * the grammar may have been tightened since. The one such change so far: EQF levels are written
 * "EQF1".."EQF8" (engine 1.1 accepted any string, and a level such as "7" simply matched no
 * evidence). A stored document is read with the schema of its time on that point, so old events
 * stay readable and old evaluations reproduce; publishing always uses the current grammar. The same
 * holds for a policy's `assessmentTypes` (engine 2.0 took any string; now the records' vocabulary).
 */
export function withStoredLevels<S extends { definitions: { eqfLevel: object; assessmentType: object } }>(schema: S): S {
  return { ...schema, definitions: { ...schema.definitions, eqfLevel: { type: 'string', minLength: 1 }, assessmentType: { type: 'string', minLength: 1 } } };
}
