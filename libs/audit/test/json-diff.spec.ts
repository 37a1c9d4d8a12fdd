import { diffJson } from '../src/reproduce/json-diff';

describe('diffJson', () => {
  it('given equal values, finds nothing', () => {
    expect(diffJson({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toEqual([]);
  });

  it('given changed, added and removed leaves, reports each at its JSON pointer, in key order', () => {
    const recorded = { totals: { granted: '45' }, proposals: [{ decision: 'granted' }, { decision: 'denied' }], gone: 1, 'a/b': 1 };
    const reproduced = { totals: { granted: '21' }, proposals: [{ decision: 'denied' }], added: true, 'a/b': 2 };
    expect(diffJson(recorded, reproduced)).toEqual([
      { path: '/a~1b', recorded: 1, reproduced: 2 },
      { path: '/added', recorded: undefined, reproduced: true },
      { path: '/gone', recorded: 1, reproduced: undefined },
      { path: '/proposals/0/decision', recorded: 'granted', reproduced: 'denied' },
      { path: '/proposals/1', recorded: { decision: 'denied' }, reproduced: undefined },
      { path: '/totals/granted', recorded: '45', reproduced: '21' },
    ]);
  });

  it('stops at the limit', () => {
    expect(diffJson([1, 2, 3, 4], [5, 6, 7, 8], 2)).toHaveLength(2);
  });
});
