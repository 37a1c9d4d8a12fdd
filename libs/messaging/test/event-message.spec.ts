import {
  allTopics,
  contextOf,
  decodeEventMessage,
  encodeEventMessage,
  keyFor,
  topicFor,
  UnroutableEventError,
} from '@app/messaging';
import { recordedEvent } from './event-fixtures';

describe('event routing: topic per bounded context, key per learner or stream', () => {
  it.each([
    ['learner-L1', 'records'],
    ['course-C1', 'records'],
    ['credentialdef-MITx-SCM-MM', 'records'],
    ['program-P1', 'transfer'],
    ['policy-X', 'transfer'],
    ['admission-mit-L1', 'transfer'],
    ['transfer-R1', 'transfer'],
    ['access', 'access'],
  ])('stream %s belongs to %s', (stream, context) => {
    expect(contextOf(stream)).toBe(context);
    expect(topicFor({ stream })).toBe(`credit-transfer.events.${context}`);
    expect(topicFor({ stream }, 'p.')).toBe(`p.${context}`);
  });

  it('refuses a stream outside the table instead of guessing', () => {
    expect(() => topicFor({ stream: 'mystery-1' })).toThrow(UnroutableEventError);
    expect(() => keyFor({ stream: 'learnerX' })).toThrow(UnroutableEventError);
    expect(() => contextOf('constructor')).toThrow(UnroutableEventError);
  });

  it('lists one topic per context', () => {
    expect(allTopics('p.').sort()).toEqual(['p.access', 'p.records', 'p.transfer']);
  });

  it('keys a learner stream by the learner id (ids may contain dashes)', () => {
    expect(keyFor({ stream: 'learner-L1' })).toBe('L1');
    expect(keyFor({ stream: 'learner-3f2a-77' })).toBe('3f2a-77');
  });

  it('keys every other stream by its name, whatever one event carries', () => {
    expect(keyFor({ stream: 'course-C1' })).toBe('course-C1');
    expect(keyFor({ stream: 'access' })).toBe('access');
    // One key per stream keeps the stream in one partition, in order: a transfer request's
    // RequestSubmitted (carrying data.learnerId) and its later events share the stream key.
    const submitted = recordedEvent('transfer-R1', 0, 10, { learnerId: 'L1' });
    const evaluated = recordedEvent('transfer-R1', 1, 11, { requestId: 'R1' });
    expect(keyFor(submitted)).toBe(keyFor(evaluated));
  });
});

describe('event message envelope', () => {
  it('round-trips a RecordedEvent as { v: 1, event } with topic, key and headers', () => {
    const event = recordedEvent('learner-L7', 3, 42, { learnerId: 'L7', credits: '2.5' });
    const encoded = encodeEventMessage(event);
    expect(encoded).toMatchObject({ topic: 'credit-transfer.events.records', key: 'L7', headers: { 'event-id': event.id, 'event-type': 'TestHappened' } });
    expect(JSON.parse(encoded.value)).toEqual({ v: 1, event });
    expect(decodeEventMessage(Buffer.from(encoded.value))).toEqual({ ok: true, event });
    expect(decodeEventMessage(encoded.value)).toEqual({ ok: true, event });
  });

  const good = recordedEvent('learner-L1', 0, 0);
  it.each([
    ['a null value', null, /null/],
    ['non-JSON', Buffer.from('{nope'), /not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['an unknown envelope version', JSON.stringify({ v: 2, event: good }), /version 2/],
    ['a missing version', JSON.stringify({ event: good }), /version undefined/],
    ['no event', JSON.stringify({ v: 1 }), /^\/event: /],
    ['a missing id', JSON.stringify({ v: 1, event: { ...good, id: undefined } }), /^\/event\/id:/],
    ['a negative revision', JSON.stringify({ v: 1, event: { ...good, revision: -1 } }), /^\/event\/revision:/],
    ['a fractional position', JSON.stringify({ v: 1, event: { ...good, position: 1.5 } }), /^\/event\/position:/],
    ['data that is an array', JSON.stringify({ v: 1, event: { ...good, data: [] } }), /^\/event\/data:/],
    ['a bad previousHash', JSON.stringify({ v: 1, event: { ...good, previousHash: 7 } }), /^\/event\/previousHash:/],
    ['metadata without correlationId', JSON.stringify({ v: 1, event: { ...good, metadata: { causationId: null, actor: null } } }), /correlationId/],
    ['a malformed actor', JSON.stringify({ v: 1, event: { ...good, metadata: { ...good.metadata, actor: { role: 'x' } } } }), /actor/],
  ])('reports %s instead of throwing', (_label, value, error) => {
    const result = decodeEventMessage(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
