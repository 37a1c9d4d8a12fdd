import { add, cmp, convertCredits, compileConversion, parseRational, toDecimal, toExact, tryParseRational } from '@app/requirements';

describe('exact rationals', () => {
  it('given decimal text, when parsed, then the value is exact (0.1 + 0.2 is 3/10)', () => {
    expect(toExact(add(parseRational('0.1'), parseRational(0.2)))).toBe('3/10');
  });

  it('given fractions and decimals, when parsed, then they normalize', () => {
    expect(toExact(parseRational('4/3'))).toBe('4/3');
    expect(toExact(parseRational('8/6'))).toBe('4/3');
    expect(toExact(parseRational('2.50'))).toBe('5/2');
    expect(toExact(parseRational(12))).toBe('12');
    expect(toExact(parseRational('1e-2'))).toBe('1/100');
    expect(toExact(parseRational('.5'))).toBe('1/2');
  });

  it('given malformed input, when parsed, then it is rejected', () => {
    for (const bad of ['abc', '1/0', '', '1.2.3', NaN, Infinity, {}, null]) expect(tryParseRational(bad)).toBeNull();
  });

  it('given a rational, when displayed, then it rounds half away from zero to two places', () => {
    expect(toDecimal(parseRational('4/3'))).toBe('1.33');
    expect(toDecimal(parseRational('5/3'))).toBe('1.67');
    expect(toDecimal(parseRational('-1/8'))).toBe('-0.13');
    expect(toDecimal(parseRational('12'))).toBe('12');
  });
});

describe('credit units (DOMAIN.md default table)', () => {
  const table = compileConversion();

  it('given 4.5 US quarter hours, when converted to US semester hours, then it is exactly 3 (no float drift)', () => {
    expect(toExact(convertCredits(parseRational('4.5'), 'US_QUARTER', 'US_SEMESTER', table))).toBe('3');
    // floats drift (0.1 + 0.2 > 0.3); sums of converted credits are compared exactly instead
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(cmp(add(parseRational('0.1'), parseRational('0.2')), parseRational('0.3'))).toBe(0);
  });

  it('given each unit, when converted to ECTS, then it follows the default table', () => {
    expect(toExact(convertCredits(parseRational(30), 'US_SEMESTER', 'ECTS', table))).toBe('60');
    expect(toExact(convertCredits(parseRational(45), 'US_QUARTER', 'ECTS', table))).toBe('60');
    expect(toExact(convertCredits(parseRational(120), 'UK_CATS', 'ECTS', table))).toBe('60');
  });

  it('given a policy table overriding a unit, when converting, then the override wins', () => {
    const custom = compileConversion({ US_SEMESTER: '3/2', MIT_UNIT: '1/2' });
    expect(toExact(convertCredits(parseRational(12), 'MIT_UNIT', 'US_SEMESTER', custom))).toBe('4');
  });

  it('given an unknown unit, when converting, then it throws', () => {
    expect(() => convertCredits(parseRational(1), 'FOO', 'ECTS', table)).toThrow(/unknown credit unit/);
  });

  it('given two rationals, when compared, then the order is exact', () => {
    expect(cmp(parseRational('1/3'), parseRational('0.333333333333333333'))).toBe(1);
  });
});
