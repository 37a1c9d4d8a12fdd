import { hashEvent, HashedContent } from '../src';

describe('hashEvent', () => {
  // Hashes computed by the implementation that wrote the existing stores (before the append
  // path was optimised): stored chains must keep verifying.
  const content: HashedContent = {
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    type: 'CompletionRecorded',
    stream: 'learner-\u00e9:1',
    revision: 3,
    occurredAt: '2026-05-01T10:00:00.000Z',
    recordedAt: '2026-05-01T10:00:01.234Z',
    schemaVersion: 2,
    previousHash: 'a'.repeat(64),
    data: {
      z: 1,
      a: 'quote " backslash \\ newline \n tab \t',
      '10': 'ten',
      '2': 'two',
      nested: { b: [1, 2.5, -0, 1e21, null, true], a: '\u00e9\ud83d\ude00' },
      lone: '\ud800',
    },
    metadata: { correlationId: 'c', causationId: null, actor: { institutionId: 'inst', role: 'issuer' } },
  };

  it('gives the same hashes as before', () => {
    expect(hashEvent(content)).toBe('dc19bb3da871c453ac8b76fd9daf89d504989e5fb8db7d588450230d8bb4ef71');
    expect(hashEvent({ ...content, previousHash: null })).toBe('e50f4d6d53ebecc1ade1783f00556f04e905dced08ef691053a41bc79a3f6394');
  });

  it('changes when any hashed field changes', () => {
    const base = hashEvent(content);
    const variants: Partial<HashedContent>[] = [
      { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' },
      { type: 'Other' },
      { stream: 'learner-e:1' },
      { revision: 4 },
      { occurredAt: '2026-05-01T10:00:00.001Z' },
      { recordedAt: '2026-05-01T10:00:01.235Z' },
      { schemaVersion: 3 },
      { previousHash: 'b'.repeat(64) },
      { data: { ...content.data, z: 2 } },
      { metadata: { ...content.metadata, causationId: 'x' } },
    ];
    variants.forEach((change) => expect(hashEvent({ ...content, ...change })).not.toBe(base));
  });
});
