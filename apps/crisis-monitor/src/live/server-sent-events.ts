import { BadRequestException, NotAcceptableException } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import type { LiveClient } from './live-stream';

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

/**
 * Checks a request for a stream: it must accept text/event-stream (a stream never ends, so only a client
 * that asks for one gets it) and carry a valid Last-Event-ID, if any. Returns the position to resume after.
 */
export function streamRequestStart(accept: string | undefined, lastEventId: string | undefined): number | undefined {
  if (!/\btext\/event-stream\b/.test(accept ?? '')) throw new NotAcceptableException('This is a server-sent event stream: send Accept: text/event-stream');
  const after = parseLastEventId(lastEventId);
  if (after === 'invalid') throw new BadRequestException('Last-Event-ID must be the global position of an event received from this stream');
  return after;
}

/** The part of Fastify's reply a stream needs: take the response over and write to it. */
export interface HijackableReply {
  hijack(): void;
  readonly raw: ServerResponse;
}

/** Takes the response over, sends the stream's headers, and returns the client the stream writes to. */
export function openEventStream(reply: HijackableReply): { client: LiveClient; raw: ServerResponse } {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.socket?.setNoDelay(true);
  const client: LiveClient = {
    write: (chunk) => void raw.write(chunk),
    end: () => raw.end(),
    get buffered() {
      return raw.writableLength;
    },
  };
  return { client, raw };
}

/** A client's side: hands over each event block of a text/event-stream body (for tests and the benchmark). */
export async function readEventBlocks(body: ReadableStream<Uint8Array>, onBlock: (block: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      onBlock(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}
