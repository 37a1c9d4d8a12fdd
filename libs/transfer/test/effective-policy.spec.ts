import { effectivePolicyAmong, effectiveVersionAmong, PublishedPolicy } from '../src/application/effective-policy';
import { PolicyVersionSummary } from '../src/domain/policy.decider';

/** A published policy with one version per summary; `definition` stands for every stored definition. */
function published(policyId: string, versions: Partial<PolicyVersionSummary>[], definition: Record<string, unknown> = {}): PublishedPolicy {
  const summaries = versions.map((v, i) => ({ version: `${i + 1}`, programId: null, effectiveFrom: '2026-01-01', effectiveTo: null, conversionTableId: 'default', publishedOn: '2026-01-01', ...v }));
  return {
    policyId,
    state: { policyId, institutionId: 'mit', versions: summaries, definitions: Object.fromEntries(summaries.map((s) => [s.version, definition as never])) },
    conversionTables: {},
  };
}

const chosen = (policies: PublishedPolicy[], programId: string, date: string) => {
  const c = effectiveVersionAmong(policies, programId, date);
  return c && `${c.published.policyId}@${c.summary.version}`;
};

describe('effectiveVersionAmong: which published policy version a request toward a program is evaluated under', () => {
  const wide = published('a-institution-wide', [{ effectiveFrom: '2025-01-01' }]);
  const scoped = published('z-scm-only', [{ programId: 'mit-scm', effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' }, { programId: 'mit-scm', effectiveFrom: '2027-01-01' }]);

  it('a policy scoped to the program wins over an institution-wide one, whatever their ids', () => {
    expect(chosen([wide, scoped], 'mit-scm', '2026-06-01')).toBe('z-scm-only@1');
    expect(chosen([wide, scoped], 'mit-scm', '2027-03-01')).toBe('z-scm-only@2');
  });

  it('the institution-wide policy applies to other programs, and to this one outside the scoped policy’s periods', () => {
    expect(chosen([wide, scoped], 'mit-dedp', '2026-06-01')).toBe('a-institution-wide@1');
    expect(chosen([wide, scoped], 'mit-scm', '2025-06-01')).toBe('a-institution-wide@1');
  });

  it('none before any period starts', () => {
    expect(chosen([wide, scoped], 'mit-scm', '2024-12-31')).toBeNull();
  });

  it('chooses without reading the chosen definition: one the engine no longer accepts does not throw here (effectivePolicyAmong does)', () => {
    const broken = published('b-broken', [{}], { not: 'a policy' });
    expect(chosen([broken], 'mit-scm', '2026-06-01')).toBe('b-broken@1');
    expect(() => effectivePolicyAmong([broken], 'mit-scm', '2026-06-01')).toThrow('no longer parses');
  });
});
