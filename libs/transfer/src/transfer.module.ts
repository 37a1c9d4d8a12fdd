import { Module } from '@nestjs/common';
import { AdmissionsController } from './api/admissions.controller';
import { CatalogController } from './api/catalog.controller';
import { LearnerExceptionsController } from './api/learner-exceptions.controller';
import { TransferRequestsController } from './api/transfer-requests.controller';
import { AdmissionReader } from './application/admission.reader';
import { DefinitionReferencesReader } from './application/definition-references.reader';
import { LearnerEvidenceReader } from './application/learner-evidence.reader';
import { LearnerExceptionsHandler } from './application/learner-exceptions.handler';
import { PolicyCatalog } from './application/policy-catalog';
import { ProgramCatalog } from './application/program-catalog';
import { EvaluationReproducer } from './application/reproduce-evaluation';
import { PublishDefinitionsHandler } from './application/publish-definitions.handler';
import { SubmitTransferRequestHandler } from './application/submit-transfer-request.handler';
import { TransferRequestDecisionsHandler } from './application/transfer-request-decisions.handler';
import { TransferRequestQueries } from './application/transfer-request.queries';
import { DefinitionSchemasModule } from './definition-schemas.module';

/**
 * The transfer service's write side: programs, recognition policies, admissions and credit-transfer
 * requests. Needs EVENT_STORE (EventStoreModule) and AccessRegistry (AccessModule, global).
 */
@Module({
  imports: [DefinitionSchemasModule],
  controllers: [CatalogController, AdmissionsController, TransferRequestsController, LearnerExceptionsController],
  providers: [
    ProgramCatalog,
    PolicyCatalog,
    AdmissionReader,
    LearnerEvidenceReader,
    PublishDefinitionsHandler,
    LearnerExceptionsHandler,
    DefinitionReferencesReader,
    SubmitTransferRequestHandler,
    TransferRequestDecisionsHandler,
    TransferRequestQueries,
    EvaluationReproducer,
  ],
  exports: [ProgramCatalog, PolicyCatalog, LearnerEvidenceReader, TransferRequestQueries, EvaluationReproducer],
})
export class TransferModule {}
