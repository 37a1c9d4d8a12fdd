import { apiSchema, s } from '@app/platform';
import { CREDENTIAL_FORMATS, CREDENTIAL_STATUSES } from '../domain/verifiable-credential.values';
import { ASSESSMENT_TYPES, CREDENTIAL_TYPES, CREDIT_UNITS, GRADE_SCALES, PARTICIPATION_FORMS, STACKABILITY } from '../domain/records.values';

/** OpenAPI schemas of the records API's answers (the course, the learner's folded record). */
const grade = apiSchema('Grade', s.object({ scale: s.enum(GRADE_SCALES), value: s.string('"85", "B+", "P", "3.7"') }));
const evidenceRef = apiSchema(
  'EvidenceRef',
  s.object({ eventId: s.nullable(s.string()), position: s.nullable(s.integer('global position')) }, { description: 'the event a fact comes from' }),
);
const courseFields = {
  courseId: s.string(),
  issuerId: s.string('the owning issuer; only it changes the course or records on it'),
  title: s.string(),
  credits: s.string('credits one completion earns by default, a decimal string in unit'),
  unit: s.enum(CREDIT_UNITS),
  eqfLevel: s.integer('EQF level 1-8'),
  field: s.string(),
  tags: s.array(s.string()),
  assessmentType: s.enum(ASSESSMENT_TYPES),
};

export const COURSE = apiSchema('Course', s.object({ ...courseFields, revision: s.integer('stream revision (also the ETag)') }));

const enrollment = s.object({ enrollmentId: s.string(), courseId: s.string(), issuerId: s.string(), courseTitle: s.string(), term: s.nullable(s.string()), enrolledOn: s.date() });

const completion = s.object({
  learnerId: s.string(),
  completionId: s.string(),
  enrollmentId: s.nullable(s.string()),
  courseId: s.string(),
  issuerId: s.string(),
  courseTitle: s.string(),
  credits: s.string(),
  unit: s.enum(CREDIT_UNITS),
  eqfLevel: s.integer(),
  field: s.string(),
  tags: s.array(s.string()),
  grade: { ...grade, description: 'the current grade (after regrades)' },
  assessmentType: s.enum(ASSESSMENT_TYPES),
  identityVerified: s.boolean(),
  completedOn: s.date(),
  inResidence: s.boolean(),
  originalGrade: grade,
  corrections: s.array(s.object({ previousGrade: grade, grade, reason: s.string(), correctedOn: s.date(), evidence: evidenceRef })),
  credentials: s.array(
    s.object({ credentialId: s.string(), type: s.string(), code: s.nullable(s.string()), complete: s.boolean(), revoked: s.boolean() }),
    'the credentials whose stack holds this completion (revoked ones included, marked)',
  ),
  withdrawal: s.nullable(s.object({ reason: s.string(), withdrawnOn: s.date(), evidence: evidenceRef }, { description: 'its issuer withdrew it (recorded in error): it is no evidence' })),
  evidence: evidenceRef,
}, { optional: ['withdrawal'] });

const credential = s.object({
  learnerId: s.string(),
  credentialId: s.string(),
  issuerId: s.string(),
  type: s.enum(CREDENTIAL_TYPES),
  code: s.nullable(s.string()),
  title: s.string(),
  awardingBody: s.string(),
  country: s.string(),
  issuedOn: s.date(),
  learningOutcomes: s.array(s.string()),
  workload: s.object({ credits: s.string(), unit: s.enum(CREDIT_UNITS), ects: s.nullable(s.exact('the ECTS equivalent under the default table')) }),
  eqfLevel: s.integer(),
  assessmentType: s.enum(ASSESSMENT_TYPES),
  participation: s.enum(PARTICIPATION_FORMS),
  qualityAssurance: s.string(),
  prerequisites: s.array(s.string()),
  identityVerified: s.boolean(),
  grade: s.nullable(grade),
  stackability: s.enum(STACKABILITY),
  furtherInformation: s.nullable(s.string()),
  completionIds: s.array(s.string(), 'the stack (withdrawn completions left out)'),
  withdrawnCompletionIds: s.array(s.string(), 'completions of the stack its issuer withdrew since'),
  complete: s.boolean('were the credential program\'s requirements fully met (only complete credentials unlock pathways)'),
  definition: s.nullable(s.object({ code: s.string(), version: s.string() }, { description: 'the published credential definition the award was checked against' })),
  revoked: s.boolean(),
  revocation: s.nullable(s.object({ reason: s.string(), revokedOn: s.date(), evidence: evidenceRef })),
  evidence: evidenceRef,
}, { optional: ['definition', 'withdrawnCompletionIds'] });

const statusListUsed = s.nullable(
  s.object({ url: s.string(), digest: s.string('sha-256 (hex) of the list credential'), obtainedAt: s.dateTime(), source: s.enum(['request', 'registered', 'fetched']) }),
);
const presentedAchievement = s.object({
  index: s.integer(),
  achievementId: s.nullable(s.string()),
  name: s.string(),
  achievementType: s.nullable(s.string()),
  code: s.nullable(s.string()),
  credits: s.nullable(s.string('decimal; null: no credit, or no determinable unit (noCreditReason)')),
  unit: s.nullable(s.enum(CREDIT_UNITS)),
  noCreditReason: s.nullable(s.string()),
  eqfLevel: s.nullable(s.integer()),
  field: s.nullable(s.string()),
  grade: s.nullable(grade),
  achievedOn: s.date(),
});
export const PRESENTED_CREDENTIAL = apiSchema(
  'PresentedCredential',
  s.object({
    vcId: s.string(),
    format: s.enum(CREDENTIAL_FORMATS),
    issuer: s.object({ id: s.string('DID'), name: s.nullable(s.string()), institutionId: s.nullable(s.string()) }),
    digest: s.string('sha-256 (hex) of the RFC 8785 canonical JSON, or of the compact JWT'),
    presentedBy: s.string(),
    presentedOn: s.date(),
    status: s.enum(CREDENTIAL_STATUSES),
    statusList: statusListUsed,
    achievements: s.array(presentedAchievement),
    revoked: s.boolean('revoked or suspended by a re-check: evidence of nothing from then on'),
    rechecks: s.array(s.object({ recheckedOn: s.date(), status: s.enum(CREDENTIAL_STATUSES), evidence: evidenceRef })),
    evidence: evidenceRef,
  }),
);
export const PRESENTED_CREDENTIAL_DOCUMENT = apiSchema(
  'PresentedCredentialWithDocument',
  s.object({
    credential: PRESENTED_CREDENTIAL,
    document: s.json('the credential exactly as presented (JSON-LD object or compact JWT)'),
    verification: s.json('the verification result recorded at presentation (checks, key, status list)'),
    referenceDate: s.string(),
  }),
);

export const LEARNER_RECORD = apiSchema(
  'LearnerRecord',
  s.object({
    learnerId: s.nullable(s.string()),
    registered: s.boolean(),
    registeredBy: s.nullable(s.string()),
    externalRefHash: s.nullable(s.string('HMAC of the registering institution\'s own reference; never the reference')),
    enrollments: s.array(enrollment),
    completions: s.array(completion),
    credentials: s.array(credential),
    verifiableCredentials: s.array(PRESENTED_CREDENTIAL, 'signed credentials presented and verified'),
    revision: s.integer('stream revision (also the ETag)'),
  }, { optional: ['verifiableCredentials'] }),
);

export const CREDENTIAL_DEFINITION = apiSchema(
  'CredentialDefinition',
  s.object({
    code: s.string('the credential program\'s code, as awards and recognition policies name it'),
    issuerId: s.string('the issuer that owns the code'),
    latestVersion: s.string(),
    versions: s.array(
      s.object({
        version: s.string(),
        title: s.string(),
        type: s.enum(CREDENTIAL_TYPES),
        components: s.array(s.object({ courseId: s.string(), courseTitle: s.string(), minGrade: s.nullable(grade) }), 'the component courses a complete award must hold, passed (at the minimum when set)'),
        publishedOn: s.date(),
        autoAward: s.nullable(
          s.object(
            {
              learningOutcomes: s.array(s.string()),
              workload: s.object({ credits: s.exact(), unit: s.enum(CREDIT_UNITS) }),
              eqfLevel: s.integer(),
              assessmentType: s.enum(ASSESSMENT_TYPES),
              participation: s.enum(PARTICIPATION_FORMS),
              qualityAssurance: s.string(),
            },
            { description: 'present when the version awards automatically: what such an award states beyond the definition' },
          ),
        ),
      }, { optional: ['autoAward'] }),
      'every version, oldest first',
    ),
    revision: s.integer('stream revision (also the ETag)'),
  }),
);
