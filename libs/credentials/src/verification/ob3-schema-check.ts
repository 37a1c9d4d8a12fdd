import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from './schemas/ob_v3p0_achievementcredential.json';
import { Check, JsonObject, isObject } from './verification.report';
import { isVc1 } from './credential-format';

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/**
 * The 1EdTech OB 3.0 AchievementCredential JSON Schema (VC 2.0). A single `proof` object is wrapped
 * in an array first: the schema asks for an array though VC 2.0 allows one object
 * (1EdTech/openbadges-specification issue #473). VC 1.1-based OB 3.0.1 credentials predate it.
 */
export function ob3SchemaCheck(credential: JsonObject): Check {
  if (isVc1(credential)) return { check: 'schema', outcome: 'unknown', message: 'a VC 1.1-based Open Badge: the OB 3.0 JSON Schema shipped describes VC 2.0 credentials' };
  const subject = isObject(credential.proof) ? { ...credential, proof: [credential.proof] } : credential;
  const validate = validator();
  if (validate(subject)) return { check: 'schema', outcome: 'passed', message: 'matches the 1EdTech OB 3.0 AchievementCredential JSON Schema' };
  return { check: 'schema', outcome: 'failed', message: `does not match the 1EdTech OB 3.0 AchievementCredential JSON Schema: ${summary(validate.errors ?? [])}` };
}

function summary(errors: ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
    .join('; ');
}
