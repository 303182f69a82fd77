import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { RecordedHistory, RecordedHistoryDecoder, RecordedHistoryFormatError } from '@imera/domain/exercises/recorded-history';

/** Reads a recorded-history file line by line (no copy of the whole text in memory) and hashes its bytes. */
export async function readRecordedHistory(path: string): Promise<{ history: RecordedHistory; sha256: string }> {
  const hash = createHash('sha256');
  const input = createReadStream(path);
  input.on('data', (chunk) => hash.update(chunk));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let decoder: RecordedHistoryDecoder | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (decoder) decoder.add(line, lineNumber);
    else decoder = new RecordedHistoryDecoder(line);
  }
  if (!decoder) throw new RecordedHistoryFormatError(1, 'the file is empty: expected a header line');
  return { history: { header: decoder.header, events: decoder.finish(lineNumber) }, sha256: hash.digest('hex') };
}
