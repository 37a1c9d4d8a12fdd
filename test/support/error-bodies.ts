import { STREAM_ROUTES } from '@app/messaging';

/**
 * What an error body must never show: a stream name (`<category>-<id>` of any routed stream
 * category: storage, not API), SQL, or a stack trace.
 */
const STREAM_NAME = new RegExp(`(^|[^A-Za-z0-9])(${Object.keys(STREAM_ROUTES).join('|')})-[0-9a-f]{8}-[0-9a-f]{4}`);
const SQL = /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|SQLITE_|constraint failed)\b/i;
const STACK = /\n\s+at |\.ts:\d+:\d+/;

export function internalsIn(body: unknown): string[] {
  const text = JSON.stringify(body);
  return [
    ...(STREAM_NAME.test(text) ? ['a stream name'] : []),
    ...(SQL.test(text) ? ['SQL'] : []),
    ...(STACK.test(text) ? ['a stack trace'] : []),
  ];
}

export function assertNoInternals(body: unknown): void {
  expect({ body, leaks: internalsIn(body) }).toEqual({ body, leaks: [] });
}
