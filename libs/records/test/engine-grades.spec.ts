import { Grade, isPassingGrade, meetsGradeMinimum } from '../src';

const g = (scale: Grade['scale'], value: string): Grade => ({ scale, value });

describe('passed, by the engine’s grade table', () => {
  it.each([
    [g('percent', '60'), true], [g('percent', '59.99'), false], [g('percent', '100'), true], [g('percent', '0'), false],
    [g('letter', 'D-'), true], [g('letter', 'A+'), true], [g('letter', 'F'), false],
    [g('pass-fail', 'P'), true], [g('pass-fail', 'pass'), true], [g('pass-fail', 'F'), false], [g('pass-fail', 'fail'), false],
    [g('numeric-4', '2.4'), true], [g('numeric-4', '2.39'), false], [g('numeric-4', '4'), true], [g('numeric-4', '1'), false],
  ])('%j passes: %s', (grade, passes) => {
    expect(isPassingGrade(grade)).toBe(passes);
  });

  it('compares with a minimum as the engine does: across scales by percent, a pass never shows a percent or letter minimum', () => {
    expect(meetsGradeMinimum(g('letter', 'B'), g('percent', '80'))).toBe(true);
    expect(meetsGradeMinimum(g('numeric-4', '3'), g('percent', '76'))).toBe(false);
    expect(meetsGradeMinimum(g('pass-fail', 'P'), g('percent', '60'))).toBe(false);
    expect(meetsGradeMinimum(g('percent', '75'), g('pass-fail', 'P'))).toBe(true);
  });
});
