import { BadRequestException, Controller, Get, Headers, Inject, NotAcceptableException, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ServerResponse } from 'node:http';
import { Principal } from '@imera/auth';
import { CurrentPrincipal, Roles } from '@imera/platform';
import { SCOPE_READERS } from '../scopes/readers';
import { LiveStream } from './live-stream';
import { parseLastEventId } from './server-sent-events';

/** The part of Fastify's reply a stream needs: take the response over and write to it. */
interface HijackableReply {
  hijack(): void;
  readonly raw: ServerResponse;
}

@ApiTags('crisis scopes')
@ApiBearerAuth()
@Controller('api/v1/stream')
export class LiveStreamController {
  constructor(@Inject(LiveStream) private readonly live: LiveStream) {}

  @Get()
  @Roles(...SCOPE_READERS)
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Live changes as server-sent events: mode-changed, proposal, indicators-changed, notification, export-control, instrument',
    description: "Needs Accept: text/event-stream. Each event's id is the global position behind it; reconnect with Last-Event-ID to get what was missed, or a resync event with the current state of every scope.",
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'The same, for clients that cannot set headers' })
  stream(
    @CurrentPrincipal() principal: Principal,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: string | undefined,
    @Res() reply: HijackableReply,
  ): void {
    // A stream never ends: only a client that asks for one (as EventSource does) gets it.
    if (!/\btext\/event-stream\b/.test(accept ?? '')) throw new NotAcceptableException('This is a server-sent event stream: send Accept: text/event-stream');
    const after = parseLastEventId(header ?? query);
    if (after === 'invalid') throw new BadRequestException('Last-Event-ID must be the global position of an event received from this stream');
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.socket?.setNoDelay(true);
    const close = this.live.open(principal, after, {
      write: (chunk) => void raw.write(chunk),
      end: () => raw.end(),
      get buffered() {
        return raw.writableLength;
      },
    });
    raw.on('close', close);
  }
}
