import { apiSchema, s } from '@app/platform';

const credentialDocument = (description: string) => ({
  type: 'object',
  additionalProperties: true,
  required: ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject', 'proof'],
  properties: {
    '@context': { type: 'array', items: { type: 'string' } },
    id: { type: 'string' },
    type: { type: 'array', items: { type: 'string' } },
    issuer: { anyOf: [{ type: 'string' }, { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }] },
    validFrom: { type: 'string', format: 'date-time' },
    credentialSubject: { type: 'object' },
    credentialStatus: { type: 'object' },
    proof: { type: 'object', required: ['type', 'cryptosuite', 'verificationMethod', 'proofValue'], properties: { type: { const: 'DataIntegrityProof' }, cryptosuite: { const: 'eddsa-rdfc-2022' } } },
  },
  description,
});

export const RECOGNITION_CREDENTIAL = apiSchema(
  'RecognitionCredential',
  credentialDocument('Open Badges 3.0 AchievementCredential (VC 2.0, eddsa-rdfc-2022 DataIntegrityProof) from the receiving institution to the learner, as issued and recorded (same bytes on every read)'),
);

export const HOSTED_STATUS_LIST = apiSchema(
  'HostedStatusListCredential',
  credentialDocument('BitstringStatusListCredential (statusPurpose revocation, 131072 bits) signed by the institution key whose credentials it answers for'),
);

export const RECOGNITION_CREDENTIAL_HISTORY = apiSchema(
  'RecognitionCredentialHistory',
  s.object({
    requestId: s.string(),
    credentials: s.array(
      s.object({
        credentialId: s.string(),
        decision: s.object({ eventId: s.string(), type: s.enum(['ItemsDecided', 'RequestRevised']), on: s.dateTime() }),
        keyId: s.string(),
        statusListId: s.string(),
        statusListIndex: s.integer(),
        issuedOn: s.dateTime(),
        revoked: s.nullable(s.object({ on: s.dateTime(), reason: s.enum(['decision-replaced', 'request-withdrawn']), causeEventId: s.string(), supersededBy: s.nullable(s.string()) })),
        credential: RECOGNITION_CREDENTIAL,
      }),
      'oldest first; the last one not revoked is in force',
    ),
  }),
);

export const INSTITUTION_KEYS = apiSchema(
  'InstitutionKeys',
  s.object({
    institutionId: s.string(),
    keys: s.array(
      s.object({ sequence: s.integer(), did: s.string(), keyId: s.string(), publicKeyMultibase: s.string(), statusListId: s.string(), since: s.dateTime(), retiredOn: s.nullable(s.dateTime()) }),
      'oldest first; the one with retiredOn null signs new credentials (public parts only)',
    ),
  }),
);

export const DID_DOCUMENT = apiSchema('InstitutionDidDocument', {
  type: 'object',
  additionalProperties: true,
  required: ['@context', 'id', 'verificationMethod'],
  properties: { '@context': {}, id: { type: 'string' }, verificationMethod: { type: 'array', items: { type: 'object' } } },
  description: 'did:web document of the institution (PUBLIC_DID_WEB_HOST configured: every key, the one in force first) or the did:key document of its key in force',
});
