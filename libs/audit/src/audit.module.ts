import { Module } from '@nestjs/common';
import { DefinitionSchemasModule, EvaluationReproducer, LearnerEvidenceReader, PolicyCatalog, ProgramCatalog } from '@app/transfer';
import { AuditController } from './api/audit.controller';
import { IntegrityController } from './api/integrity.controller';
import { HistoryQuery } from './history/history.query';
import { PolicyImpact } from './impact/policy-impact';
import { DecisionReproduction } from './reproduce/decision-reproduction';

/**
 * The audit service: history, as-of queries (served by the query API with `asOf`), reproduction
 * of decisions, policy impact, log verification and export. Reads the event store (EVENT_STORE)
 * and the read models (READ_MODEL_READER, for indexes only). Auditors read, never write.
 */
@Module({
  imports: [DefinitionSchemasModule],
  controllers: [AuditController, IntegrityController],
  providers: [HistoryQuery, DecisionReproduction, PolicyImpact, EvaluationReproducer, ProgramCatalog, PolicyCatalog, LearnerEvidenceReader],
})
export class AuditModule {}
