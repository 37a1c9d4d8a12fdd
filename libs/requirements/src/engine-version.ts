/** Semantic version of the requirement/recognition engine; recorded in every evaluation. */
export const ENGINE_VERSION = '2.0.0';

/**
 * Every engine version whose behaviour this code still reproduces, oldest first. An evaluation
 * recorded under one of them re-runs identically when it is asked for that version.
 */
export const SUPPORTED_ENGINE_VERSIONS = ['1.0.0', '1.1.0', '2.0.0'] as const;

export type EngineVersion = (typeof SUPPORTED_ENGINE_VERSIONS)[number];

/**
 * What changed between versions, as switches the evaluation reads. 1.x: the transfer cap spent in
 * date order, a credential and its components recognised independently, "missing" from the
 * assignment that satisfies the most rules, items named by id. 2.0.0: see docs/engine-changes.md.
 */
export interface EngineBehaviour {
  version: EngineVersion;
  /** The cap allocation is part of the program search (else: evidence in date order). */
  jointCapAllocation: boolean;
  /** For an unsatisfied program: the assignment that leaves the least work, and `missing` a completion of it. */
  minimalCompletion: boolean;
  /** A credential is recognised as a whole or through its components, never both. */
  exclusiveCredentials: boolean;
  /** Explanations name items and credentials by code and title, not by internal id. */
  namesInExplanations: boolean;
}

export function isSupportedEngineVersion(v: unknown): v is EngineVersion {
  return typeof v === 'string' && (SUPPORTED_ENGINE_VERSIONS as readonly string[]).includes(v);
}

export function engineBehaviour(version: string = ENGINE_VERSION): EngineBehaviour {
  if (!isSupportedEngineVersion(version)) {
    throw new UnsupportedEngineVersionError(version);
  }
  const v2 = Number(version.split('.')[0]) >= 2;
  return { version, jointCapAllocation: v2, minimalCompletion: v2, exclusiveCredentials: v2, namesInExplanations: v2 };
}

export class UnsupportedEngineVersionError extends Error {
  constructor(readonly requested: string) {
    super(`engine version ${requested} is not supported (supported: ${SUPPORTED_ENGINE_VERSIONS.join(', ')})`);
  }
}
