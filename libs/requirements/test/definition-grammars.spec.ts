import { CATALOG_YEAR_PATTERN, parseProgram, parseRecognitionPolicy, parseStoredProgram, parseStoredRecognitionPolicy } from '@app/requirements';
import { policies, programs } from '../fixtures';

/**
 * The grammars the schemas publish: EQF levels in one notation ("EQF7"), a program version that is
 * a catalog year, policy versions and ids in the API's grammar. Each refusal names the path and the
 * accepted form; nothing else about a document changes.
 */
const program = (extra: Record<string, unknown> = {}) => ({
  id: 'p', version: '2026-2027', creditUnit: 'ECTS', totalCredits: 60,
  requirements: { id: 'root', credits: 60, filter: { levels: ['EQF7'] } },
  ...extra,
});
const policy = (extra: Record<string, unknown> = {}) => ({
  id: 'pol', version: '2026.1', effectiveFrom: '2026-01-01', receivingInstitution: 'u', creditUnit: 'ECTS', acceptedIssuers: ['mitx'], levels: ['EQF7'],
  ...extra,
});
const errorsOf = (r: { ok: true } | { ok: false; errors: { path: string; message: string }[] }) => (r.ok ? [] : r.errors);

describe('EQF levels are written "EQF1".."EQF8" in both languages', () => {
  it.each([[7, '"EQF7"'], ['7', '"EQF7"'], ['eqf 6', '"EQF6"'], ['EQF-8', '"EQF8"']])('a policy with levels [%p] is refused, naming %s', (level, fix) => {
    const errors = errorsOf(parseRecognitionPolicy(policy({ levels: [level] })));
    expect(errors).toEqual([{ path: '/levels/0', message: expect.stringContaining(`write ${fix}`) }]);
    expect(errors[0].message).toContain('"EQF1" to "EQF8"');
  });

  it('a level that is no EQF level at all is refused without a guess', () => {
    const errors = errorsOf(parseRecognitionPolicy(policy({ levels: ['master'] })));
    expect(errors).toEqual([{ path: '/levels/0', message: expect.stringContaining('(got "master")') }]);
    expect(errors[0].message).not.toContain('write');
  });

  it('a program filter with level 7 is refused at its pointer; "EQF7" is accepted', () => {
    const bad = program({ requirements: { id: 'root', allOf: [{ id: 'a', count: 1, filter: { levels: ['EQF7', 7] } }] } });
    expect(errorsOf(parseProgram(bad))).toEqual([{ path: '/requirements/allOf/0/filter/levels/1', message: expect.stringContaining('write "EQF7"') }]);
    expect(parseProgram(program()).ok).toBe(true);
    expect(parseRecognitionPolicy(policy()).ok).toBe(true);
  });

  it('every fixture (real pathways) already writes levels this way', () => {
    for (const doc of Object.values(programs)) expect(errorsOf(parseProgram(doc))).toEqual([]);
    for (const doc of Object.values(policies)) expect(errorsOf(parseRecognitionPolicy(doc))).toEqual([]);
  });
});

describe('a program version is a catalog year', () => {
  it.each(['2026', '2026-27', '2026-2027', '2025-2027'])('%s is accepted', (version) => {
    expect(parseProgram(program({ version })).ok).toBe(true);
  });

  it.each(['v1', '2026.1', '26-27', '2026/27', '2026-2027 '])('%p is refused at /version, naming the form', (version) => {
    expect(errorsOf(parseProgram(program({ version })))).toEqual([{ path: '/version', message: expect.stringContaining('must be a catalog year: "2026", "2026-27" or "2026-2027"') }]);
  });

  it('the schema states the pattern the API enforced before (CATALOG_YEAR in the program decider)', () => {
    expect(new RegExp(CATALOG_YEAR_PATTERN).source).toBe(/^\d{4}(-\d{2}|-\d{4})?$/.source);
  });
});

describe('policy versions, policy ids and program scopes use the API grammar', () => {
  it.each([['version', '2026/27 rev 2'], ['id', 'mit scm'], ['programId', 'mit scm'], ['version', 7]])('%s %p is refused at its pointer', (key, value) => {
    const errors = errorsOf(parseRecognitionPolicy(policy({ [key]: value })));
    expect(errors).toEqual([{ path: `/${key}`, message: expect.stringContaining(`(${key === 'version' ? 'e.g. "2026.1"; ' : ''}got ${JSON.stringify(value)})`) }]);
  });
});

describe('policy dates', () => {
  it('an effectiveFrom that is not YYYY-MM-DD is refused naming the form', () => {
    expect(errorsOf(parseRecognitionPolicy(policy({ effectiveFrom: 'soon' })))).toEqual([{ path: '/effectiveFrom', message: 'must be a calendar date YYYY-MM-DD (got "soon")' }]);
  });
});

describe('a definition stored before the EQF rule is read back with the grammar of its time', () => {
  it('levels ["7"]: refused for publication, accepted from the store, everything else as strict as ever', () => {
    expect(parseRecognitionPolicy(policy({ levels: ['7'] })).ok).toBe(false);
    expect(parseStoredRecognitionPolicy(policy({ levels: ['7'] }))).toMatchObject({ ok: true, policy: { levels: ['7'] } });
    const legacyProgram = program({ requirements: { id: 'root', count: 1, filter: { levels: ['7'] } } });
    expect(parseProgram(legacyProgram).ok).toBe(false);
    expect(parseStoredProgram(legacyProgram).ok).toBe(true);
    expect(errorsOf(parseStoredRecognitionPolicy(policy({ levels: ['7'], version: '2026/27' })))).toEqual([{ path: '/version', message: expect.any(String) }]);
    expect(errorsOf(parseStoredProgram(program({ version: 'v1' })))).toEqual([{ path: '/version', message: expect.any(String) }]);
  });
});
