import { InvalidEvaluationInputError } from './compile-program';
import { engineBehaviour, EngineBehaviour } from './engine-version';
import { RecognitionContext, RecognitionEvaluation, RecognitionEvidence, RecognitionPolicy } from './recognition.types';
import { evaluateRecognitionV1 } from './recognition-v1';
import { evaluateRecognitionV2 } from './recognition-v2';

/**
 * Evaluates each piece of evidence against a recognition policy version: granted (as an internal
 * course or elective credit), partially granted (the cap ran out), recognized without credit (2.x)
 * or denied, with reason codes; all arithmetic exact. On its own, the 2.x cap goes to whole items by
 * priority then date; `evaluateTransfer` makes the cap part of the program search instead.
 * `ctx.engineVersion` reproduces an earlier version's behaviour.
 */
export function evaluateRecognition(policy: RecognitionPolicy, evidence: readonly RecognitionEvidence[], ctx: RecognitionContext): RecognitionEvaluation {
  const b = behaviourFor(ctx.engineVersion);
  return b.exclusiveCredentials ? evaluateRecognitionV2(policy, evidence, ctx, b.version) : evaluateRecognitionV1(policy, evidence, ctx, b.version);
}

export function behaviourFor(version: string | undefined): EngineBehaviour {
  try {
    return engineBehaviour(version);
  } catch (e) {
    throw new InvalidEvaluationInputError('/engineVersion', (e as Error).message);
  }
}
