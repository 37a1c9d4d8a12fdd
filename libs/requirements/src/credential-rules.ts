import { CredentialRule, RecognitionEvidence, RecognitionPolicy } from './recognition.types';

export type CredentialRef = { id: string; code?: string; type?: string; issuer?: string };

/** The policy's rule for a credential, if one matches (first in declared order). */
export function credentialRuleFor(policy: RecognitionPolicy, ref: CredentialRef): CredentialRule | undefined {
  return (policy.credentials ?? []).find(
    (r) => (r.match.code === undefined || r.match.code === ref.code) && (r.match.type === undefined || r.match.type === ref.type) && (r.match.issuer === undefined || r.match.issuer === ref.issuer),
  );
}

/**
 * How the policy recognises this credential: as a whole or through its components. A rule says
 * so; without one, a credential that an equivalency names (by code, not restricted to courses) is
 * recognised as a whole, any other through its components.
 */
export function credentialMode(policy: RecognitionPolicy, ref: CredentialRef): 'whole' | 'components' {
  const rule = credentialRuleFor(policy, ref);
  if (rule) return rule.recognize;
  const named = (policy.equivalencies ?? []).some(
    (e) => ref.code !== undefined && e.match.code === ref.code && e.match.kind !== 'course' && (e.match.issuer === undefined || e.match.issuer === ref.issuer),
  );
  return named ? 'whole' : 'components';
}

/** The credential a course is a component of, with the course's issuer (the awarding one). */
export function componentOf(ev: RecognitionEvidence): CredentialRef | null {
  if (ev.kind !== 'course' || !ev.credential) return null;
  return { id: ev.credential.id, ...(ev.credential.code !== undefined ? { code: ev.credential.code } : {}), ...(ev.credential.type !== undefined ? { type: ev.credential.type } : {}), issuer: ev.issuer };
}

/** A credential presented as evidence, as a reference. */
export function credentialOf(ev: RecognitionEvidence): CredentialRef {
  return { id: ev.credential?.id ?? ev.id, code: ev.code, ...(ev.credential?.type !== undefined ? { type: ev.credential.type } : {}), issuer: ev.issuer };
}

/** A credential's name for explanations: its code, and its title when it has one. */
export function credentialLabel(ref: CredentialRef & { title?: string }): string {
  const code = ref.code ?? ref.type ?? ref.id;
  return ref.title ? `${code} (${ref.title})` : code;
}
