import { Injectable } from '@nestjs/common';

/** What a component reports to /health: up or down, with details (positions, lag, failures, the reason). */
export interface ComponentHealth {
  up: boolean;
  details: Record<string, string | number | boolean | null>;
}

export type ComponentHealthCheck = () => Promise<ComponentHealth> | ComponentHealth;

/**
 * The components a service runs besides its event store (the projector, the relay), each checked
 * by GET /health under its key. Registered by the module that starts the component, so the
 * platform knows none of them.
 */
@Injectable()
export class ComponentHealthChecks {
  private readonly checks = new Map<string, ComponentHealthCheck>();

  /** Adds `check` under `key` (replacing one of the same key); returns its removal. */
  register(key: string, check: ComponentHealthCheck): () => void {
    this.checks.set(key, check);
    return () => {
      if (this.checks.get(key) === check) this.checks.delete(key);
    };
  }

  entries(): [string, ComponentHealthCheck][] {
    return [...this.checks.entries()];
  }
}

/** Consecutive failures after which a retrying component is reported down (its retries continue). */
export const FAILURES_BEFORE_DOWN = 5;
