import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { HeaderResponse, Public } from '@app/platform';
import { programJsonSchema, recognitionPolicyJsonSchema } from '@app/requirements';
import { JSON_SCHEMA_DOCUMENT, SCHEMA_INDEX, SERVED_SCHEMAS } from './definition-schemas';

const SCHEMA_MEDIA_TYPE = 'application/schema+json';
const schemaAnswer = (what: string) => ({ description: `The JSON Schema of ${what} (draft-07, stable $id)`, content: { [SCHEMA_MEDIA_TYPE]: { schema: JSON_SCHEMA_DOCUMENT } } });

/**
 * The definition languages' JSON Schemas, for editors and client-side validation; public, like
 * /docs (they describe the API, not anyone's data). `$id`s are stable URIs; this API serves each
 * document under /schemas/<file name>.
 */
@ApiTags('schemas')
@Public()
@Controller('schemas')
export class DefinitionSchemasController {
  @Get()
  @ApiOperation({ summary: 'The JSON Schemas of the definition languages (programs, recognition policies)' })
  @ApiOkResponse({ description: 'Each schema with its $id, where it is served and where its language is documented', schema: SCHEMA_INDEX })
  index() {
    return {
      schemas: SERVED_SCHEMAS.map(({ name, schema, documentation }) => ({ name, id: schema.$id, title: schema.title, url: `/schemas/${name}`, documentation })),
    };
  }

  @Get('program.schema.json')
  @ApiProduces(SCHEMA_MEDIA_TYPE)
  @ApiOperation({ summary: 'The program (requirement) language: what POST /programs/{programId}/versions takes as definition' })
  @ApiOkResponse(schemaAnswer('a program document'))
  program(@Res({ passthrough: true }) res: HeaderResponse): typeof programJsonSchema {
    res.header('Content-Type', `${SCHEMA_MEDIA_TYPE}; charset=utf-8`);
    return programJsonSchema;
  }

  @Get('recognition-policy.schema.json')
  @ApiProduces(SCHEMA_MEDIA_TYPE)
  @ApiOperation({ summary: 'The recognition-policy language: what POST /policies/{policyId}/versions takes as definition' })
  @ApiOkResponse(schemaAnswer('a recognition-policy document'))
  policy(@Res({ passthrough: true }) res: HeaderResponse): typeof recognitionPolicyJsonSchema {
    res.header('Content-Type', `${SCHEMA_MEDIA_TYPE}; charset=utf-8`);
    return recognitionPolicyJsonSchema;
  }
}
