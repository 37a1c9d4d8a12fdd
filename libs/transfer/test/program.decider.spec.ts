import { given } from '@app/testing';
import { ProgramEvent } from '../src/domain/program.events';
import { programDecider, PublishProgramVersion } from '../src/domain/program.decider';
import { MIT, otherRegistrar, registrar, scmProgram, submitter } from './transfer.fixtures';

const publish = (definition: unknown = scmProgram(), actor = registrar): PublishProgramVersion => ({ kind: 'PublishProgramVersion', actor, programId: 'mit-scm', definition, publishedOn: '2026-03-01' });

const published = (version = '2026-2027'): ProgramEvent => {
  const [event] = programDecider.decide(publish({ ...scmProgram(), version }), programDecider.initialState);
  return event;
};

describe('program decider: PublishProgramVersion', () => {
  it('publishes a validated version owned by the registrar institution', () => {
    given(programDecider).when(publish()).thenMatches([
      { type: 'ProgramVersionPublished', data: { programId: 'mit-scm', version: '2026-2027', institutionId: MIT, creditUnit: 'MIT_UNIT', totalCredits: '90', publishedOn: '2026-03-01' } },
    ]);
  });

  it('publishes a next catalog year', () => {
    given(programDecider, [published()]).when(publish({ ...scmProgram(), version: '2027-28' })).thenMatches([{ type: 'ProgramVersionPublished', data: { version: '2027-28' } }]);
  });

  it('refuses the same version twice (immutable): 409', () => {
    given(programDecider, [published()]).when(publish()).thenRefuses('conflict', 'program-version-exists');
  });

  it('refuses an invalid definition with the path of the fault: 400', () => {
    const error = given(programDecider).when(publish({ ...scmProgram(), totalCredits: 'lots' })).thenRefuses('invalid', 'program-definition-invalid');
    expect(error.details?.path).toBe('/definition/totalCredits');
  });

  it('refuses a definition for another program id', () => {
    given(programDecider).when(publish({ ...scmProgram(), id: 'other' })).thenRefuses('invalid', 'program-id-mismatch');
  });

  it('refuses a version that is not a catalog year (the schema says so), at /definition/version', () => {
    const error = given(programDecider).when(publish({ ...scmProgram(), version: 'v1' })).thenRefuses('invalid', 'program-definition-invalid');
    expect(error.details?.path).toBe('/definition/version');
    expect(error.message).toContain('must be a catalog year');
  });

  it('refuses a registrar of another institution once the program is owned: 403', () => {
    given(programDecider, [published()]).when(publish({ ...scmProgram(), version: '2027-28' }, otherRegistrar)).thenRefuses('forbidden', 'not-registrar-of-institution');
  });

  it('refuses a non-registrar role: 403', () => {
    given(programDecider).when(publish(scmProgram(), submitter)).thenRefuses('forbidden', 'not-registrar-of-institution');
  });
});
