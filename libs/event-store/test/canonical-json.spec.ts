import fc from 'fast-check';
import { canonicalJson, jsonString } from '../src';

/** The plain definition: JSON.stringify of the value with every object's keys sorted. */
function reference(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const json = typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON: () => unknown }).toJSON() : v;
    if (json === null || typeof json !== 'object') return json;
    if (Array.isArray(json)) return json.map(sorted);
    // A Map keeps the sorted order even for integer-like keys, which plain objects would reorder.
    return new Map(Object.keys(json).sort().map((k) => [k, sorted((json as Record<string, unknown>)[k])]));
  };
  const write = (v: unknown): string | undefined => {
    if (v instanceof Map) {
      const members = [...v].map(([k, m]) => [k, write(m)]).filter(([, m]) => m !== undefined);
      return `{${members.map(([k, m]) => `${JSON.stringify(k)}:${m}`).join(',')}}`;
    }
    if (Array.isArray(v)) return `[${v.map((item) => write(item) ?? 'null').join(',')}]`;
    return JSON.stringify(v);
  };
  return write(sorted(value)) ?? 'null';
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"f":1}]},"b":1}');
  });

  it('refuses bigint rather than dropping it', () => {
    expect(() => canonicalJson({ amount: BigInt(10), keep: 1 })).toThrow(TypeError);
  });

  it('escapes exactly as JSON.stringify, including lone surrogates and integer-like keys', () => {
    const value = { '10': 'ten', '2': 'two', q: 'a"b\\c\n\u0001\u007f', e: '\u00e9\ud83d\ude00', lone: '\ud800x', at: new Date(0), n: [-0, 1e21, NaN, 0.1] };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe('{"10":"ten","2":"two","at":"1970-01-01T00:00:00.000Z","e":"\u00e9\ud83d\ude00","lone":"\\ud800x","n":[0,1e+21,null,0.1],"q":"a\\"b\\\\c\\n\\u0001\u007f"}');
    ['', 'plain', '"', '\\', '\u001f', '\ud83d', '\udc00', 'x\u2028y'].forEach((s) => expect(jsonString(s)).toBe(JSON.stringify(s)));
  });

  it('is JSON.stringify with sorted keys, for any JSON value, whatever its key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'));
        const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reversed)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('matches the reference on strings of any UTF-16 code units (lone surrogates, controls)', () => {
    const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.dictionary(codeUnits, fc.oneof(codeUnits, fc.array(codeUnits))), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 300 },
    );
  });
});
