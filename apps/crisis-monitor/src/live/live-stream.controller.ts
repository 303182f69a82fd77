import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Principal } from '@imera/auth';
import { CurrentPrincipal, Roles } from '@imera/platform';
import { SCOPE_READERS } from '../scopes/readers';
import { LiveStream } from './live-stream';
import { HijackableReply, openEventStream, streamRequestStart } from './server-sent-events';

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
    const after = streamRequestStart(accept, header ?? query);
    const { client, raw } = openEventStream(reply);
    const close = this.live.open(principal, after, client);
    raw.on('close', close);
  }
}
