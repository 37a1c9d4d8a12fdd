import { CredentialFormat, JsonObject, asArray } from './verification.report';

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';

/** The format of an embedded-proof credential, from its types and its base context. */
export function ldCredentialFormat(credential: JsonObject): CredentialFormat {
  const types = asArray(credential.type);
  if (types.includes('ClrCredential')) return 'clr2';
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'ob3';
  const contexts = asArray(credential['@context']);
  if (contexts[0] === VC1) return 'vc1';
  return contexts[0] === VC2 ? 'vc2' : 'vc2';
}

export function isVc1(credential: JsonObject): boolean {
  return asArray(credential['@context'])[0] === VC1;
}
