import { parseProgram, parseRecognitionPolicy, Program, RecognitionPolicy } from '@app/requirements';

/** A program document parsed as publishing parses it; a test's own document that fails is a broken test. */
export function program(raw: unknown): Program {
  const parsed = parseProgram(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.program;
}

/** A recognition policy parsed as publishing parses it. */
export function policy(raw: unknown): RecognitionPolicy {
  const parsed = parseRecognitionPolicy(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.policy;
}
