import { DynamicModule, Module } from '@nestjs/common';
import { CoursesController } from './api/courses.controller';
import { CredentialDefinitionsController } from './api/credential-definitions.controller';
import { CredentialsController } from './api/credentials.controller';
import { LearnersController } from './api/learners.controller';
import { VerifiableCredentialsController } from './api/verifiable-credentials.controller';
import { CredentialCommandsHandler } from './application/credential-commands.handler';
import { AutoAwardCandidates } from './application/auto-award-candidates';
import { CourseCommandsHandler } from './application/course-commands.handler';
import { CredentialDefinitionCommandsHandler } from './application/credential-definition-commands.handler';
import { ExternalRefHasher } from './application/external-ref-hasher';
import { LearnerCommandsHandler } from './application/learner-commands.handler';
import { RECORDS_OPTIONS, RecordsModuleOptions } from './application/records.options';
import { RecordsStreamReader } from './application/stream-reader';
import { VerifiableCredentialCommandsHandler } from './application/verifiable-credential-commands.handler';

const PROVIDERS = [VerifiableCredentialCommandsHandler, CourseCommandsHandler, LearnerCommandsHandler, CredentialCommandsHandler, CredentialDefinitionCommandsHandler, RecordsStreamReader, ExternalRefHasher, AutoAwardCandidates];

/**
 * The records service (write side of learner records): courses, credential definitions, learners,
 * enrollments, completions, credentials. Needs EventStoreModule (EVENT_STORE) and AccessModule (the global
 * role guard and AccessRegistry) in the app; PlatformModule supplies the error filter and the
 * JSON-schema validation pipe.
 */
@Module({})
export class RecordsModule {
  static forRoot(options: RecordsModuleOptions = {}): DynamicModule {
    return {
      module: RecordsModule,
      controllers: [CoursesController, LearnersController, CredentialsController, CredentialDefinitionsController, VerifiableCredentialsController],
      providers: [{ provide: RECORDS_OPTIONS, useValue: options }, ...PROVIDERS],
      exports: [RecordsStreamReader, CourseCommandsHandler, LearnerCommandsHandler, CredentialCommandsHandler],
    };
  }
}
