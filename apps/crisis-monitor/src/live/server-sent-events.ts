/** One server-sent event (text/event-stream), with the id a client sends back as Last-Event-ID. */
export function serverSentEvent(event: string, data: unknown, id?: number | string): string {
  const lines = [`event: ${event}`];
  if (id !== undefined) lines.push(`id: ${id}`);
  for (const line of JSON.stringify(data).split('\n')) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

export function serverSentComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

export function serverSentRetry(milliseconds: number): string {
  return `retry: ${milliseconds}\n\n`;
}

/** A Last-Event-ID (header or query): a global position, or undefined; anything else is refused. */
export function parseLastEventId(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : 'invalid';
}
