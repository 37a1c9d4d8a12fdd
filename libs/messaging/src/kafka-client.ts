import { Kafka, logLevel as KafkaLogLevel, LogEntry, logCreator } from 'kafkajs';

/** Connection settings shared by the publisher and the consumer. */
export interface KafkaConnectionOptions {
  brokers: string[];
  clientId?: string;
  /** kafkajs log level; default WARN. Tests pass NOTHING. */
  logLevel?: KafkaLogLevel;
  /** Where kafkajs log lines go (default: kafkajs' console logger). */
  log?: (entry: { level: string; namespace: string; message: string }) => void;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export function createKafka(options: KafkaConnectionOptions): Kafka {
  const log = options.log;
  const creator: logCreator | undefined = log
    ? () =>
        ({ namespace, level, log: entry }: LogEntry) =>
          log({ level: KafkaLogLevel[level] ?? String(level), namespace, message: entry.message })
    : undefined;
  return new Kafka({
    clientId: options.clientId ?? 'credit-transfer',
    brokers: options.brokers,
    logLevel: options.logLevel ?? KafkaLogLevel.WARN,
    logCreator: creator,
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
  });
}
