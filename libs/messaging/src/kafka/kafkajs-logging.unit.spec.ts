import { logLevel } from 'kafkajs';
import { MessagingLogger } from '../logger';
import { kafkajsLogCreator } from './kafkajs-logging';

function recorder() {
  const lines: Array<[string, string]> = [];
  const logger: MessagingLogger = {
    debug: (message) => void lines.push(['debug', message]),
    info: (message) => void lines.push(['info', message]),
    warn: (message) => void lines.push(['warn', message]),
    error: (message) => void lines.push(['error', message]),
  };
  return { lines, log: kafkajsLogCreator(logger)(logLevel.WARN) };
}

const entry = (level: logLevel, message: string) => ({ namespace: 'Connection', level, label: 'ERROR', log: { timestamp: '', logger: 'kafkajs', message } });

describe('kafkajs logging', () => {
  it('reports a repeated line once per window, not at every retry', () => {
    const { lines, log } = recorder();
    for (let i = 0; i < 20; i++) log(entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    expect(lines).toEqual([['error', 'Kafka client: Connection error: connect ECONNREFUSED 127.0.0.1:9092']]);
  });

  it('keeps the error responses kafkajs retries by itself at debug level', () => {
    const { lines, log } = recorder();
    log(entry(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)'));
    log(entry(logLevel.WARN, 'Failed to send messages: This server is not the leader for that topic-partition'));
    expect(lines).toEqual([
      ['debug', 'Kafka client: Response Metadata(key: 3, version: 6)'],
      ['warn', 'Kafka client: Failed to send messages: This server is not the leader for that topic-partition'],
    ]);
  });
});
