import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { RECORDS_OPTIONS, RecordsModuleOptions } from './records.options';

/**
 * The registering institution's own reference for a learner (a student number, an e-mail...)
 * never enters an event: only HMAC-SHA256(key, institutionId NUL reference), in hex.
 */
@Injectable()
export class ExternalRefHasher {
  private readonly logger = new Logger(ExternalRefHasher.name);
  private readonly key: string;

  constructor(@Inject(RECORDS_OPTIONS) options: RecordsModuleOptions) {
    const configured = options.externalRefSalt ?? process.env.RECORDS_EXTERNAL_REF_SALT;
    if (!configured) this.logger.warn('RECORDS_EXTERNAL_REF_SALT is not set: external learner references are hashed with a per-process key');
    this.key = configured ?? randomBytes(32).toString('hex');
  }

  hash(institutionId: string, externalRef: string | undefined): string | null {
    if (externalRef === undefined) return null;
    return createHmac('sha256', this.key).update(`${institutionId}\u0000${externalRef}`).digest('hex');
  }
}
