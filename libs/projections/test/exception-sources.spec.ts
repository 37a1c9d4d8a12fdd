import { parseProgram, Program } from '@app/requirements';
import { LearnerExceptionRecord } from '@app/transfer';
import { programs } from '../../requirements/fixtures';
import { evaluateEligibility, EligibilityInputs } from '../src/eligibility/evaluate-eligibility';

/**
 * Request and learner exceptions side by side in one evaluation of the MIT SCM blended program
 * (fixtures/mit-scm-blended.program.json, version 2026-2027): the same engine code applies both,
 * and each entry says its source.
 */
const parsed = parseProgram(programs.scmProgram);
if (!parsed.ok) throw new Error('the SCM fixture no longer parses');
const program: Program = parsed.program;

const learnerException = (overrides: Partial<LearnerExceptionRecord>): LearnerExceptionRecord => ({
  exceptionId: 'lx-capstone',
  programId: 'mit-scm',
  kind: 'waive',
  rulePath: 'mit-scm/capstone',
  itemId: null,
  reason: 'industry capstone',
  grantedOn: '2026-09-01',
  versions: ['2026-2027'],
  revoked: null,
  ...overrides,
});

const inputs = (overrides: Partial<EligibilityInputs>): EligibilityInputs => ({
  learnerId: 'l1',
  program: { programId: 'mit-scm', version: '2026-2027', institutionId: 'mit', program },
  policies: [],
  evidence: [],
  credentialsHeld: [],
  admitted: true,
  referenceDate: '2026-10-01',
  ...overrides,
});

describe('eligibility: exceptions from requests and from the learner, each with its source', () => {
  it('applies a request waiver and a learner waiver of the evaluated version, labelled request and learner', () => {
    const answer = evaluateEligibility(inputs({
      exceptions: [{ id: 'rx-electives', kind: 'waive', path: 'mit-scm/electives', programVersion: '2026-2027' }],
      learnerExceptions: [learnerException({})],
    }));
    expect(answer.exceptions).toEqual({
      applied: [
        { id: 'lx-capstone', kind: 'waive', path: 'mit-scm/capstone', source: 'learner' },
        { id: 'rx-electives', kind: 'waive', path: 'mit-scm/electives', source: 'request' },
      ],
      ignored: [],
    });
    expect(answer.missing.map((m) => m.rulePath)).not.toContain('mit-scm/capstone');
    expect(answer.missing.map((m) => m.rulePath)).not.toContain('mit-scm/electives');
  });

  it('reports a learner exception of another version not applied, with how to apply it; a request one keeps the engine\'s reason', () => {
    const answer = evaluateEligibility(inputs({
      program: { programId: 'mit-scm', version: '2027-2028', institutionId: 'mit', program: { ...program, version: '2027-2028' } },
      exceptions: [{ id: 'rx-electives', kind: 'waive', path: 'mit-scm/electives', programVersion: '2026-2027' }],
      learnerExceptions: [learnerException({})],
    }));
    expect(answer.exceptions.applied).toEqual([]);
    expect(answer.exceptions.ignored).toEqual([
      { id: 'lx-capstone', path: 'mit-scm/capstone', source: 'learner', reason: 'granted for version 2026-2027; this answer evaluates version 2027-2028; carry it forward to apply it' },
      { id: 'rx-electives', path: 'mit-scm/electives', source: 'request', reason: 'bound to program version 2026-2027, not 2027-2028' },
    ]);
  });

  it('applies a learner exception under every version it was carried forward to, and never a revoked one', () => {
    const carried = learnerException({ versions: ['2026-2027', '2027-2028'] });
    for (const version of ['2026-2027', '2027-2028']) {
      const answer = evaluateEligibility(inputs({ program: { programId: 'mit-scm', version, institutionId: 'mit', program: { ...program, version } }, learnerExceptions: [carried] }));
      expect(answer.exceptions).toEqual({ applied: [{ id: 'lx-capstone', kind: 'waive', path: 'mit-scm/capstone', source: 'learner' }], ignored: [] });
    }
    const revoked = evaluateEligibility(inputs({ learnerExceptions: [learnerException({ revoked: { on: '2026-09-15', reason: 'in error' } })] }));
    expect(revoked.exceptions).toEqual({ applied: [], ignored: [] });
    expect(revoked.missing.map((m) => m.rulePath)).toContain('mit-scm/capstone');
  });

  it('a learner substitution names the learner\'s item: a home completion counts toward the rule it substitutes', () => {
    const home = { id: 'home:completion:h1', source: 'home' as const, courseId: 'SCM.299', title: 'Independent industry project', credits: '12', unit: 'MIT_UNIT' as const, date: '2026-05-15', inResidence: true, grade: { scale: 'letter' as const, value: 'C' } };
    const substitution = learnerException({ exceptionId: 'lx-sub', kind: 'substitute', itemId: 'completion:h1' });
    const without = evaluateEligibility(inputs({ homeItems: [home] }));
    expect(without.missing.map((m) => m.rulePath)).toContain('mit-scm/capstone');
    const answer = evaluateEligibility(inputs({ homeItems: [home], learnerExceptions: [substitution] }));
    expect(answer.exceptions).toEqual({ applied: [{ id: 'lx-sub', kind: 'substitute', path: 'mit-scm/capstone', source: 'learner' }], ignored: [] });
    expect(answer.missing.map((m) => m.rulePath)).not.toContain('mit-scm/capstone');
  });
});
