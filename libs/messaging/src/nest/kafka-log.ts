import { LoggerService } from '@nestjs/common';

/** Routes kafkajs log lines (WARN and above by default) to a Nest logger. */
export function kafkaLog(logger: Pick<LoggerService, 'error' | 'warn' | 'log'>): (entry: { level: string; namespace: string; message: string }) => void {
  return ({ level, namespace, message }) => {
    const line = `[kafkajs ${namespace}] ${message}`;
    if (level === 'ERROR') logger.error(line);
    else if (level === 'WARN') logger.warn(line);
    else logger.log(line);
  };
}
