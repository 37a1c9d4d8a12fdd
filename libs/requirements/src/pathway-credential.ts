import { withinYears } from './dates';
import { ProgramEvaluation } from './evaluation.types';
import { HeldCredential } from './learner-item.types';
import { Program } from './program.types';
import { name } from './recognition-checks';
import { RecognitionEvaluation, RecognitionEvidence } from './recognition.types';

/**
 * 2.x: the credentials that unlock the reduced-residency pathway the program evaluation chose are
 * shown as such in the recognition decisions (`PATHWAY_CREDENTIAL`, "recognized as the pathway
 * credential of ..."), next to what they count as, instead of looking denied beside a reduced residency.
 */
export function markPathwayCredentials(program: Program, recognition: RecognitionEvaluation, evaluation: ProgramEvaluation, evidence: readonly RecognitionEvidence[], held: readonly HeldCredential[]): void {
  const chosen = evaluation.residency.pathway;
  if (!chosen) return;
  const pathway = program.residency?.reducedPathways?.find((p) => p.id === chosen.id);
  if (!pathway) return;
  const ids = new Set<string>();
  for (const cond of pathway.requires) {
    if (!('credential' in cond)) continue;
    const want = cond.credential;
    for (const h of held) {
      const matches = (want.code === undefined || h.code === want.code) && (want.type === undefined || h.type === want.type) && (want.issuer === undefined || h.issuer === want.issuer);
      const fresh = want.maxAgeYears === undefined || (h.awardedOn !== undefined && withinYears(h.awardedOn, want.maxAgeYears, evaluation.referenceDate));
      if (matches && h.complete && fresh) ids.add(h.id);
    }
  }
  const byId = new Map(evidence.map((ev) => [ev.id, ev]));
  for (const d of recognition.decisions) {
    const ev = byId.get(d.evidenceId);
    if (!ev || ev.kind !== 'credential' || !ids.has(ev.credential?.id ?? ev.id)) continue;
    d.reasons.push('PATHWAY_CREDENTIAL');
    d.messages.push(`${name(ev)} recognized as the pathway credential of "${pathway.label ?? pathway.id}"`);
  }
}
