import { DomainError, Json } from '@app/kernel';

/**
 * What a command acts on, in the API's own terms: the resource and its id as the caller named it
 * in the URL ("transfer request", "0192…"), never the stream it is stored in.
 */
export interface ResourceRef {
  type: string;
  id: string;
}

/**
 * A write refused because the resource is not at the revision the command was decided on: the
 * caller's If-Match names another revision, or concurrent writers kept moving it while the command
 * was retried. Answers 409 with code `revision-conflict` and, as fields of the body, the resource,
 * the revision expected and the current one (null: it does not exist), so a client can show both.
 */
export class RevisionConflictError extends DomainError {
  constructor(
    readonly resource: ResourceRef | null,
    readonly expectedRevision: number | null,
    readonly currentRevision: number | null,
    readonly pinned: boolean,
  ) {
    super('conflict', 'revision-conflict', conflictMessage(resource, expectedRevision, currentRevision, pinned), {
      fields: { resource: resource ? { type: resource.type, id: resource.id } : null, expectedRevision, currentRevision } satisfies { [key: string]: Json },
    });
  }
}

function conflictMessage(resource: ResourceRef | null, expected: number | null, current: number | null, pinned: boolean): string {
  const what = resource ? `${resource.type} ${resource.id}` : 'the resource';
  if (!pinned) return `${what} kept changing while this command was decided (now at revision ${current ?? 'none'}); send it again`;
  if (current === null) return `${what} does not exist yet: If-Match "${expected ?? ''}" names a revision it never had`;
  return `${what} changed since you read it: If-Match "${expected ?? ''}", but it is at revision ${current}; read it again and decide on what it is now`;
}
