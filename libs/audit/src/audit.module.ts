import { Module } from '@nestjs/common';
import { IntegrityController } from './api/integrity.controller';

/**
 * The audit service: history, as-of queries, reproduction of decisions, policy impact, log
 * verification and export. Reads the event store (EVENT_STORE) and the read models (for
 * indexes only; answers come from the events). Auditors read, never write.
 */
@Module({
  controllers: [
    IntegrityController,
  ],
  providers: [],
})
export class AuditModule {}
