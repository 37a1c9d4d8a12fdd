import { ProgramException } from '@app/requirements';
import { ExceptionGranted } from '../domain/transfer-request.events';

export type GrantedException = Pick<ExceptionGranted['data'], 'exceptionId' | 'kind' | 'rulePath' | 'programVersion' | 'itemId'>;

/**
 * The request's granted exceptions as the program evaluation takes them (a substitution names the
 * request item; the engine knows its recognized credit as `recognized:<itemId>`).
 */
export function programExceptionsOf(exceptions: readonly GrantedException[]): ProgramException[] {
  return exceptions.map((x) =>
    x.kind === 'waive'
      ? { id: x.exceptionId, kind: 'waive', path: x.rulePath, programVersion: x.programVersion }
      : { id: x.exceptionId, kind: 'substitute', path: x.rulePath, programVersion: x.programVersion, itemId: `recognized:${x.itemId ?? ''}` },
  );
}
