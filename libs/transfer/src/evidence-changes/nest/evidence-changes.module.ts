import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ComponentHealthChecks, METRICS_REGISTRY } from '@app/platform';
import { TransferModule } from '../../transfer.module';
import { EvidenceChangeReactor } from '../evidence-change-reactor';
import { RequestReevaluator } from '../request-reevaluator';
import { PostgresReactorState } from '../state/postgres-reactor-state';
import { InMemoryReactorState, ReactorStateStore } from '../state/reactor-state.port';
import { SqliteReactorState } from '../state/sqlite-reactor-state';
import { ReactorConfig, reactorConfigFromEnv, ReactorStateOptions } from './reactor.config';
import { reactorHealth } from './reactor.health';

export const REACTOR_CONFIG = Symbol.for('credit-transfer.EvidenceReactorConfig');

async function openState(options: ReactorStateOptions): Promise<ReactorStateStore> {
  switch (options.kind) {
    case 'memory':
      return new InMemoryReactorState();
    case 'sqlite':
      return new SqliteReactorState(options.file);
    case 'postgres':
      return PostgresReactorState.connect(options);
  }
}

/** Opens the reactor's state, starts it once the app is up, reports it in /health; stops it before the store closes. */
@Injectable()
export class EvidenceChangesLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EvidenceChanges');
  private reactor: EvidenceChangeReactor | null = null;
  private state: ReactorStateStore | null = null;
  private unregisterHealth: () => void = () => undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REACTOR_CONFIG) private readonly config: ReactorConfig,
    private readonly reevaluator: RequestReevaluator,
    @Optional() @Inject(METRICS_REGISTRY) private readonly registry?: Registry,
    @Optional() private readonly health?: ComponentHealthChecks,
  ) {}

  /** The running reactor (null when EVIDENCE_REACTOR=off), for status and tests. */
  get current(): EvidenceChangeReactor | null {
    return this.reactor;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.enabled) {
      this.logger.log('evidence-change reactor off in this process (EVIDENCE_REACTOR=off)');
      return;
    }
    const kind = this.config.state.kind;
    if (this.health) this.unregisterHealth = this.health.register('evidenceReactor', () => reactorHealth(this.reactor, this.store, kind));
    this.state = await openState(this.config.state);
    const metrics = this.metrics();
    this.reactor = new EvidenceChangeReactor(this.store, this.state, this.reevaluator, {
      name: this.config.name,
      pollIntervalMs: this.config.pollIntervalMs,
      log: { info: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
      onOutcome: ({ outcome }) => {
        if (outcome === 'flagged') metrics?.flagged.inc();
      },
    });
    await this.reactor.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unregisterHealth();
    await this.reactor?.stop();
    await this.state?.close();
  }

  private metrics(): { flagged: Counter; checkpoint: Gauge } | null {
    if (!this.registry) return null;
    const reactor = (): EvidenceChangeReactor | null => this.reactor;
    return {
      flagged: new Counter({ name: 'evidence_reactor_flagged_total', help: 'Requests flagged RequestEvidenceChanged by this process', registers: [this.registry] }),
      checkpoint: new Gauge({
        name: 'evidence_reactor_checkpoint_position',
        help: 'Global position up to which the evidence-change reactor has handled the log',
        registers: [this.registry],
        collect() {
          const r = reactor();
          if (r) this.set(r.checkpoint);
        },
      }),
    };
  }
}

/**
 * The evidence-change reactor in this process (standalone app, transfer service). Needs
 * EVENT_STORE; imports TransferModule (the re-evaluation reads programs, policies and learners
 * through it). Reads EVIDENCE_REACTOR_* when the app is created (as the read models read their
 * configuration), unless `config` is given: a bad variable stops the start with a message naming it.
 */
@Module({})
export class EvidenceChangesModule {
  static forRoot(config?: ReactorConfig): DynamicModule {
    return {
      module: EvidenceChangesModule,
      imports: [TransferModule],
      providers: [{ provide: REACTOR_CONFIG, useFactory: () => config ?? reactorConfigFromEnv() }, RequestReevaluator, EvidenceChangesLifecycle],
      exports: [EvidenceChangesLifecycle],
    };
  }
}
