import { Module } from '@nestjs/common';
import { DefinitionSchemasController } from './api/definition-schemas.controller';

/**
 * GET /schemas/...: imported by every module whose routes take definitions (transfer: publishing;
 * audit: policy impact). Nest instantiates a module once per app, so the routes exist once.
 */
@Module({ controllers: [DefinitionSchemasController] })
export class DefinitionSchemasModule {}
