import Ajv from 'ajv';
import { ConfigValidationError } from '@app/platform';

const SCHEMA = {
  type: 'object',
  properties: {
    CREDENTIAL_KEY_ENCRYPTION_KEY: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' },
    PUBLIC_BASE_URL: { type: 'string', pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$' },
    PUBLIC_DID_WEB_HOST: { type: 'string', pattern: '^[A-Za-z0-9.-]+(%3A[0-9]{1,5})?$' },
    RECOGNITION_ISSUER: { type: 'string', enum: ['on', 'off'] },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

export interface CredentialsConfig {
  /** AES-256 key (32 bytes) that encrypts institution secret keys at rest; null: a generated one kept in the data directory. */
  keyEncryptionKey: Buffer | null;
  /** Absolute base of the URLs put in credentials (status lists), without a trailing slash. */
  publicBaseUrl: string;
  /** did:web host (percent-encoded port allowed, as did:web spells it); null: did:web documents are not served. */
  didWebHost: string | null;
  /** Whether this process runs the recognition-credential reactor. */
  issuerEnabled: boolean;
}

export const CREDENTIALS_CONFIG = Symbol.for('credit-transfer.CredentialsConfig');

/**
 * The credentials context's settings from the environment (read when the app is created, as the
 * evidence reactor reads its own; a bad variable stops the start with a message naming it):
 * - CREDENTIAL_KEY_ENCRYPTION_KEY: base64 of 32 bytes, the key-encryption key of institution
 *   signing keys. Unset: one is generated and kept in `credential-kek` next to the SQLite file
 *   (dev, tests, `npm start`), which the log says.
 * - PUBLIC_BASE_URL (default http://localhost:3000): where this API is reached from outside;
 *   status-list URLs in issued credentials are built on it.
 * - PUBLIC_DID_WEB_HOST: when set, GET /institutions/{id}/did.json serves a did:web document.
 * - RECOGNITION_ISSUER: `on` (default) or `off` (another process issues recognition credentials).
 */
export function credentialsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CredentialsConfig {
  const known: Record<string, string> = {};
  for (const key of Object.keys(SCHEMA.properties)) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') known[key] = value;
  }
  if (!validate(known)) {
    throw new ConfigValidationError(
      (validate.errors ?? []).map((e) => `${e.instancePath.slice(1) || 'credentials'}: ${e.keyword === 'pattern' ? 'is malformed' : (e.message ?? 'is invalid')}`),
    );
  }
  const kek = known.CREDENTIAL_KEY_ENCRYPTION_KEY ? Buffer.from(known.CREDENTIAL_KEY_ENCRYPTION_KEY, 'base64') : null;
  if (kek && kek.length !== 32) throw new ConfigValidationError(['CREDENTIAL_KEY_ENCRYPTION_KEY: must be the base64 of exactly 32 bytes']);
  return {
    keyEncryptionKey: kek,
    publicBaseUrl: (known.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    didWebHost: known.PUBLIC_DID_WEB_HOST ?? null,
    issuerEnabled: (known.RECOGNITION_ISSUER ?? 'on') === 'on',
  };
}
