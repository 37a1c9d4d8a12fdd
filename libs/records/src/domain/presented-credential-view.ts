import { CredentialStatus, CredentialFormat, StatusListUsed } from './verifiable-credential.values';
import { PresentedAchievement, VerifiableCredentialPresented } from './verifiable-credential.events';

/** A presented credential as it stands now in the learner's record (its status after re-checks). */
export type PresentedCredentialView = {
  vcId: string;
  format: CredentialFormat;
  issuer: { id: string; name: string | null; institutionId: string | null };
  digest: string;
  presentedBy: string;
  presentedOn: string;
  status: CredentialStatus;
  statusList: StatusListUsed | null;
  achievements: PresentedAchievement[];
  /** Revoked or suspended by a re-check: evidence of nothing from then on. */
  revoked: boolean;
  rechecks: { recheckedOn: string; status: CredentialStatus; evidence: { eventId: string | null; position: number | null } }[];
  evidence: { eventId: string | null; position: number | null };
};

export function presentedViewOf(data: VerifiableCredentialPresented['data'], evidence: PresentedCredentialView['evidence']): PresentedCredentialView {
  const v = data.verification;
  return {
    vcId: data.vcId,
    format: v.format,
    issuer: { id: v.issuer.id, name: v.issuer.name, institutionId: v.issuer.institutionId },
    digest: data.digest,
    presentedBy: data.presentedBy,
    presentedOn: data.presentedOn,
    status: v.status,
    statusList: v.statusList,
    achievements: data.achievements,
    revoked: v.status === 'revoked' || v.status === 'suspended',
    rechecks: [],
    evidence,
  };
}

/** The learner's presented credentials (absent on records folded before they existed). */
export const presentedCredentialsOf = (record: { verifiableCredentials?: PresentedCredentialView[] }): PresentedCredentialView[] => record.verifiableCredentials ?? [];

export const presentedCredentialOf = (record: { verifiableCredentials?: PresentedCredentialView[] }, vcId: string): PresentedCredentialView | undefined =>
  presentedCredentialsOf(record).find((c) => c.vcId === vcId);
