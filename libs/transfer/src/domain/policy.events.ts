import { DomainEvent, Json } from '@app/kernel';

/**
 * A recognition-policy version was published (stream `policy-<policyId>`). Effective on
 * [effectiveFrom, effectiveTo) (effectiveTo exclusive, as the engine reads it; null = open-ended).
 */
export type PolicyVersionPublished = DomainEvent<
  'PolicyVersionPublished',
  {
    policyId: string;
    version: string;
    /** The receiving institution that owns the policy (set by the first version). */
    institutionId: string;
    /** The program the policy is scoped to, or null for every program of the institution. */
    programId: string | null;
    effectiveFrom: string;
    effectiveTo: string | null;
    /** The conversion table this version uses: its own (`conversion`) or the engine's default. */
    conversionTable: { id: string; ectsPerUnit: { [unit: string]: string } };
    /** An open-ended earlier version this one supersedes: that version ends where this one starts. */
    closes: { version: string; effectiveTo: string } | null;
    definition: { [key: string]: Json };
    publishedOn: string;
  }
>;

export type PolicyEvent = PolicyVersionPublished;
