import { apiSchema } from '../../openapi/api-schemas';
import { s } from '../../openapi/schema-builders';
import { CREDIT_UNITS, ROLES } from '../domain/access.events';

/** OpenAPI schemas of the provisioning API's answers. */
export const INSTITUTION = apiSchema(
  'Institution',
  s.object({
    institutionId: s.string(),
    name: s.string(),
    country: s.string('ISO 3166-1 alpha-2'),
    creditUnit: s.enum(CREDIT_UNITS),
  }),
);

export const ISSUED_CREDENTIAL = apiSchema(
  'IssuedCredential',
  s.object({
    credentialId: s.string(),
    institutionId: s.string(),
    role: s.enum(ROLES),
    token: s.string('the bearer token, ct_<uuid>.<secret>; shown once: only its hash is stored'),
    position: s.nullable(s.integer("global position of the write's last event (pass it as minPosition)")),
  }),
);
