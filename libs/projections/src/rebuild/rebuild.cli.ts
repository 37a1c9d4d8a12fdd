import { SingleBar } from 'cli-progress';
import { createEventStore } from '@app/event-store';
import { eventStoreOptionsFrom, toAppConfig, validateEnv } from '@app/platform';
import { projectionsConfigFromEnv } from '../config/read-model.config';
import { describeReadModel } from '../read-model/read-model.options';
import { rebuildBatchSize, rebuildReadModels, RebuildProgress, RebuildReport } from './rebuild-read-models';

/**
 * Progress bars on stderr (so stdout keeps only the summary), quiet when stderr is not a terminal:
 * the events replayed, then the progress rows evaluated, then a line when the switch starts.
 */
function progressBar(): RebuildProgress {
  const options = { stream: process.stderr, noTTYOutput: false, hideCursor: true };
  const bar = new SingleBar({ ...options, format: 'rebuilding read models [{bar}] {percentage}% | position {value}/{total} | {events} events | {rate} ev/s | eta {eta_formatted}' });
  const evaluation = new SingleBar({ ...options, format: 'evaluating progress rows [{bar}] {percentage}% | {value}/{total} rows | eta {eta_formatted}' });
  const started = Date.now();
  const stop = () => {
    bar.stop();
    evaluation.stop();
  };
  return {
    start: (total) => bar.start(total, 0, { events: 0, rate: 0 }),
    update: (checkpoint, applied) => bar.update(checkpoint + 1, { events: applied, rate: Math.round(applied / Math.max((Date.now() - started) / 1000, 0.001)) }),
    evaluating: (evaluated, pending) => {
      if (evaluated > 0) return evaluation.update(evaluated);
      bar.stop();
      evaluation.start(pending, 0);
    },
    switching: () => {
      stop();
      if (process.stderr.isTTY) process.stderr.write('switching the rebuilt read models in\n');
    },
    stop,
  };
}

const switchedHow = (report: RebuildReport): string =>
  report.switchedBy === 'pages'
    ? `pages copied over the live file, ${report.pagesThrough === 'rollback' ? 'straight into it' : 'through its WAL'}`
    : `rows copied into the live tables${report.pageSwitchRefused ? `: ${report.pageSwitchRefused}` : ''}`;

/** `npm run projections:rebuild`: rebuilds the configured read models from the configured event store. */
export async function rebuildCli(): Promise<number> {
  const env = validateEnv(process.env);
  const config = projectionsConfigFromEnv(process.env);
  const store = await createEventStore(eventStoreOptionsFrom(toAppConfig(env)));
  try {
    process.stdout.write(`rebuilding ${describeReadModel(config.readModel)} from the ${store.name} event store\n`);
    const started = process.hrtime.bigint();
    const report = await rebuildReadModels(store, config.readModel, progressBar(), rebuildBatchSize(config.batchSize));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `rebuilt: ${report.events} events up to position ${report.checkpoint} in ${seconds.toFixed(2)} s (${Math.round(report.events / Math.max(seconds, 1e-9))} events/s; projecting ${report.seconds.toFixed(2)} s, then the switch); switched in (${switchedHow(report)})\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
