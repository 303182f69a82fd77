// @ts-check
/**
 * @typedef {{ type: string, data: string, id: string | undefined }} ServerSentEvent
 * @typedef {{
 *   onEvent: (event: ServerSentEvent) => void,
 *   onRetry?: (milliseconds: number) => void,
 *   onComment?: (text: string) => void,
 * }} ParserCallbacks
 */

/**
 * Reads a text/event-stream as it arrives, chunk by chunk (a chunk may end anywhere, even inside a line),
 * and reports each complete event with the id it carries. Follows the server-sent events format: fields
 * event, data, id and retry; lines starting with a colon are comments.
 * @param {ParserCallbacks} callbacks
 */
export function createSseParser(callbacks) {
  let buffer = '';
  /** The last chunk ended in "\r": a "\n" opening the next one belongs to the same line end. */
  let endedInCarriageReturn = false;
  let type = '';
  /** @type {string[]} */
  let data = [];
  /** @type {string | undefined} */
  let id;

  /** @param {string} line */
  const field = (line) => {
    if (line.startsWith(':')) {
      callbacks.onComment?.(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') type = value;
    else if (name === 'data') data.push(value);
    else if (name === 'id' && !value.includes('\0')) id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
  };

  const dispatch = () => {
    if (data.length > 0) callbacks.onEvent({ type: type || 'message', data: data.join('\n'), id });
    type = '';
    data = [];
    id = undefined;
  };

  return {
    /** @param {string} chunk */
    push(chunk) {
      const text = endedInCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      endedInCarriageReturn = chunk.endsWith('\r');
      buffer += text;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') dispatch();
        else field(line);
      }
    },
  };
}
