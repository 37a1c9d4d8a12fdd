import { ChildProcess, spawn } from 'node:child_process';

/**
 * A throwaway Kafka cluster for integration tests: librdkafka's built-in mock cluster, started
 * through Debian's `kcat` (`-X test.mock.num.brokers=3`). kcat runs a consumer on a `keepalive`
 * topic so the process (and with it the mock cluster) stays up until `stop()`.
 *
 * What the mock supports (checked with kafkajs 2): produce, fetch, consumer groups and offset
 * commits; topics auto-create (4 partitions) on first metadata request or produce. It reports
 * controller id 0, so `admin.createTopics` and the idempotent producer do not work against it.
 */
export interface KafkaMock {
  brokers: string[];
  stop(): Promise<void>;
}

const KCAT = process.env.KCAT_BIN ?? 'kcat';
const BOOTSTRAP = /(?:bootstrap\.servers=|replaced with )(\S+)/;

export async function startKafkaMock(options: { brokers?: number; startTimeoutMs?: number } = {}): Promise<KafkaMock> {
  const brokerCount = options.brokers ?? 3;
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  const child = spawn(KCAT, ['-X', `test.mock.num.brokers=${brokerCount}`, '-b', 'unused:9092', '-C', '-t', 'keepalive'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const brokers = await bootstrapServers(child, startTimeoutMs);
    return { brokers, stop: () => stopProcess(child, exited) };
  } catch (error) {
    await stopProcess(child, exited);
    throw error;
  }
}

function bootstrapServers(child: ChildProcess, timeoutMs: number): Promise<string[]> {
  return new Promise<string[]>((resolve, reject) => {
    let seen = '';
    const finish = (error: Error | null, brokers?: string[]): void => {
      clearTimeout(timer);
      child.stderr?.removeListener('data', onData);
      child.removeListener('error', onError);
      child.removeListener('exit', onExit);
      // Keep draining stderr so kcat never blocks on a full pipe.
      child.stderr?.resume();
      if (error) reject(error);
      else resolve(brokers ?? []);
    };
    const onData = (chunk: Buffer): void => {
      seen = (seen + chunk.toString('utf8')).slice(-8192);
      const match = BOOTSTRAP.exec(seen);
      if (match) finish(null, match[1].split(',').filter((b) => b.length > 0));
    };
    const onError = (error: NodeJS.ErrnoException): void => {
      finish(
        error.code === 'ENOENT'
          ? new Error(`kcat not found (tried "${KCAT}"): the Kafka integration tests start librdkafka's mock cluster with it; install it: apt-get install kcat`)
          : error,
      );
    };
    const onExit = (code: number | null, signal: string | null): void => {
      finish(new Error(`kcat exited before the mock cluster was up (code ${code}, signal ${signal}); stderr: ${seen.slice(-500)}`));
    };
    const timer = setTimeout(
      () => finish(new Error(`kcat did not report the mock cluster's bootstrap servers within ${timeoutMs} ms; stderr: ${seen.slice(-500)}`)),
      timeoutMs,
    );
    child.stderr?.on('data', onData);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await Promise.race([exited, delay(5_000)]);
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
