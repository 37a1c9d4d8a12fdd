import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { offlineDocumentLoader } from '@app/credentials';

/** A generated Ed25519 issuer key, its did:key and verification method id. */
export interface TestIssuer {
  did: string;
  verificationMethod: string;
  publicKeyMultibase: string;
  name: string;
  sign(credential: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export async function testIssuer(name: string): Promise<TestIssuer> {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  const verificationMethod = `${did}#${key.publicKeyMultibase}`;
  const signing = await Ed25519Multikey.from({ ...(await key.export({ publicKey: true, secretKey: true, includeContext: true })), id: verificationMethod, controller: did });
  return {
    did,
    verificationMethod,
    publicKeyMultibase: key.publicKeyMultibase,
    name,
    async sign(credential) {
      const suite = new DataIntegrityProof({ signer: signing.signer(), cryptosuite: eddsaRdfc2022 });
      return vc.issue({ credential, suite, documentLoader: offlineDocumentLoader() });
    },
  };
}

export interface AchievementSpec {
  id: string;
  name: string;
  achievementType: string;
  humanCode: string;
  fieldOfStudy?: string;
  creditsAvailable?: number;
  description?: string;
}

/** An unsigned Open Badges 3.0 AchievementCredential (VC 2.0 + OB 3.0.3 contexts) for one achievement. */
export function ob3Credential(issuer: Pick<TestIssuer, 'did' | 'name'>, achievement: AchievementSpec, options: { validFrom: string; subjectId?: string; result?: string }): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: issuer.name },
    validFrom: options.validFrom,
    name: achievement.name,
    credentialSubject: {
      id: options.subjectId ?? `urn:uuid:${crypto.randomUUID()}`,
      type: ['AchievementSubject'],
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        name: achievement.name,
        description: achievement.description ?? achievement.name,
        criteria: { narrative: `Awarded for completing ${achievement.name}.` },
        achievementType: achievement.achievementType,
        humanCode: achievement.humanCode,
        ...(achievement.fieldOfStudy ? { fieldOfStudy: achievement.fieldOfStudy } : {}),
        ...(achievement.creditsAvailable !== undefined ? { creditsAvailable: achievement.creditsAvailable } : {}),
      },
      ...(achievement.creditsAvailable !== undefined ? { creditsEarned: achievement.creditsAvailable } : {}),
    },
  };
}
