import { BadRequestException } from '@nestjs/common';
import { errorBody } from '@app/platform';

/**
 * A definition that does not parse: 400 with every fault, each path prefixed by where the
 * definition sits in the request body (e.g. "/definition/requirements/allOf/2/credits").
 */
export function invalidDefinition(code: string, what: string, errors: { path: string; message: string }[], bodyPath = '/definition'): BadRequestException {
  const fields = errors.map((e) => ({ location: 'body' as const, path: `${bodyPath}${e.path}`, message: e.message }));
  return new BadRequestException(errorBody(400, `${what} is invalid (${fields.length} error${fields.length === 1 ? '' : 's'})`, fields, code));
}
