import { parseProgram, parseRecognitionPolicy, programJsonSchema, recognitionPolicyJsonSchema } from '@app/requirements';

const valid = {
  id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 60,
  requirements: { id: 'root', allOf: [{ id: 'a', course: 'X.1' }, { id: 'b', credits: '4/3', filter: { minGrade: 'B' } }] },
};

function errorsOf(doc: unknown) {
  const r = parseProgram(doc);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseProgram', () => {
  it('given a valid program, when parsed, then it is accepted as is', () => {
    const r = parseProgram(valid);
    expect(r.ok && r.program).toEqual(valid);
  });

  it('given the same program as YAML text, when parsed, then it is accepted', () => {
    const yaml = 'id: p\nversion: "2026"\ncreditUnit: ECTS\ntotalCredits: 60\nrequirements:\n  id: root\n  anyOf:\n    - id: a\n      course: X.1\n    - id: b\n      count: 2\n';
    expect(parseProgram(yaml).ok).toBe(true);
    expect(parseProgram(JSON.stringify(valid)).ok).toBe(true);
  });

  it('given an unreadable grade deep in the tree, when parsed, then the error names its JSON pointer', () => {
    const doc = { ...valid, requirements: { id: 'root', allOf: [valid.requirements.allOf[0], { id: 'b', count: 1 }, { id: 'c', count: 1, filter: { minGrade: 'Z+' } }] } };
    expect(errorsOf(doc)).toEqual([{ path: '/requirements/allOf/2/filter/minGrade', message: 'is not a readable grade: "Z+"' }]);
  });

  it('given a wrongly typed minimum grade, when parsed, then the schema error names the path', () => {
    const doc = { ...valid, requirements: { id: 'root', allOf: [{ id: 'b', count: 1, filter: { minGrade: true } }] } };
    expect(errorsOf(doc).map((e) => e.path)).toContain('/requirements/allOf/0/filter/minGrade');
  });

  it('given a rule of no known kind, when parsed, then the error says which kinds exist', () => {
    const errs = errorsOf({ ...valid, requirements: { id: 'root', allOf: [{ id: 'x', cours: 'typo' }] } });
    expect(errs).toContainEqual({ path: '/requirements/allOf/0', message: expect.stringContaining('allOf, anyOf, nOf') });
    expect(errs).toContainEqual({ path: '/requirements/allOf/0/cours', message: 'is not an allowed property here' });
  });

  it('given float-looking or malformed credit amounts, when parsed, then they are rejected with the path', () => {
    const errs = errorsOf({ ...valid, totalCredits: '1,5' });
    expect(errs[0].path).toBe('/totalCredits');
  });

  it('given duplicate ids, an N-of asking too much, an unknown shareable rule and a missing field, when parsed, then each fault is reported', () => {
    const doc = {
      id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 10, shareable: [['a', 'ghost']],
      requirements: { id: 'root', allOf: [{ id: 'a', course: 'X' }, { id: 'a', nOf: 3, of: [{ id: 'c', count: 1 }] }] },
      residency: { standard: { months: 10 }, reducedPathways: [{ id: 'r', requires: [{ rule: 'nope' }], residency: { months: 5 } }] },
    };
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/requirements/allOf/1/id', '/requirements/allOf/1/nOf', '/shareable/0/1', '/residency/reducedPathways/0/requires/0/rule']));
    expect(errorsOf({ ...valid, version: undefined })).toContainEqual({ path: '/version', message: 'is required' });
  });

  it('given an unknown credit unit, when parsed, then it is rejected unless the program defines it', () => {
    expect(errorsOf({ ...valid, creditUnit: 'MIT_UNIT' })).toEqual([{ path: '/creditUnit', message: 'unknown credit unit "MIT_UNIT"' }]);
    expect(parseProgram({ ...valid, creditUnit: 'MIT_UNIT', conversion: { MIT_UNIT: '1/2' } }).ok).toBe(true);
  });

  it('given text that is neither JSON nor YAML, when parsed, then it is rejected at the root', () => {
    expect(errorsOf('{ id: [')[0].path).toBe('');
  });

  it('publishes both JSON Schemas', () => {
    expect(programJsonSchema.$schema).toContain('json-schema.org');
    expect(recognitionPolicyJsonSchema.required).toContain('acceptedIssuers');
  });
});

describe('parseRecognitionPolicy', () => {
  const policy = { id: 'pol', version: '1', effectiveFrom: '2026-01-01', receivingInstitution: 'U', creditUnit: 'ECTS', acceptedIssuers: ['MITx'] };

  it('given a valid policy, when parsed, then it is accepted', () => {
    expect(parseRecognitionPolicy(policy).ok).toBe(true);
  });

  it('given faults, when parsed, then each names its path', () => {
    const r = parseRecognitionPolicy({
      ...policy,
      effectiveTo: '2025-01-01',
      transferCap: { maxFraction: '3/2' },
      equivalencies: [{ id: 'e', match: { code: 'X' }, grant: { as: 'course' } }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('/equivalencies/0/grant/courseId');
    const r2 = parseRecognitionPolicy({ ...policy, effectiveTo: '2025-01-01', transferCap: { maxFraction: '3/2' }, minGrade: 'Q' });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors.map((e) => e.path)).toEqual(['/effectiveTo', '/minGrade', '/transferCap/maxFraction']);
  });
});
