import { apiSchema } from '../openapi/api-schemas';

/**
 * The OpenAPI schema of the standard write answer (`commandResponse`): every 201 (and the 200 of
 * PUT /courses/{id} and POST /credentials/{id}/revoke) of every write route.
 */
export const commandResponseProperties = {
  id: { type: 'string', description: 'the aggregate the write concerns (learner, course, request, program, policy, ...)' },
  revision: { type: 'integer', minimum: -1, description: 'its stream revision after the write (also the ETag)' },
  replayed: { type: 'boolean', description: 'true: a retried request (same Idempotency-Key); nothing new was stored' },
  eventIds: { type: 'array', items: { type: 'string' }, description: 'ids of the events the write stored (on a replay: those it stored the first time)' },
  position: { type: ['integer', 'null'], minimum: 0, description: "global position of the write's last event (read your own writes: pass it as minPosition); null when the stream has no event" },
} as const;

export const commandResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'revision', 'replayed', 'eventIds', 'position'],
  properties: commandResponseProperties,
  example: { id: 'mit-scm', revision: 0, replayed: false, eventIds: ['01a22e61-f528-76f8-8f3f-f87f4da9ee7d'], position: 42 },
} as const;

export const COMMAND_RESPONSE = apiSchema('CommandResponse', commandResponseSchema);
