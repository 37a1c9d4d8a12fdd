import { apiSchema, ApiSchema, s } from '@app/platform';
import { CHECK_NAMES, CHECK_OUTCOMES, CREDENTIAL_FORMATS, STATUS_OUTCOMES } from '../verification/verification.report';

const check = apiSchema('VerificationCheck', s.object({ check: s.enum(CHECK_NAMES), outcome: s.enum(CHECK_OUTCOMES), message: s.string() }));

const achievement = apiSchema(
  'VerifiedAchievement',
  s.object({
    name: s.nullable(s.string()),
    achievementType: s.nullable(s.string()),
    credits: s.object({
      value: s.nullable(s.number('creditsEarned, else creditsAvailable')),
      unit: s.nullable(s.string('never guessed: null when neither an ELM creditPoint nor the registry entry says')),
      source: s.string('where the unit comes from, or why it is null'),
    }),
    result: s.array(s.json('an OB 3.0 Result, as the credential gives it')),
    alignment: s.array(s.json('an OB 3.0 Alignment, as the credential gives it')),
  }),
);

const fields: Record<string, ApiSchema> = {
  verified: s.boolean('proof, validity and status passed and no check failed except issuer; issuer trust is issuer.trusted'),
  format: s.enum(CREDENTIAL_FORMATS),
  issuer: s.object(
    { id: s.nullable(s.string()), name: s.nullable(s.string()), trusted: s.boolean('in the trusted-issuer registry'), institutionId: s.string('the issuing institution of this system it is') },
    { optional: ['institutionId'] },
  ),
  checks: s.array(check),
  status: s.enum(STATUS_OUTCOMES),
  subject: s.object({ id: s.nullable(s.string()), name: s.nullable(s.string()) }),
  achievements: s.array(achievement),
};

const assertion = apiSchema('VerifiedAssertion', s.object(fields, { description: 'one assertion of a CLR 2.0 bundle, verified on its own' }));

export const VERIFICATION_REPORT = apiSchema(
  'VerificationReport',
  s.object({ ...fields, assertions: s.array(assertion, 'CLR 2.0 only: each assertion of the bundle') }, { optional: ['assertions'] }),
);
