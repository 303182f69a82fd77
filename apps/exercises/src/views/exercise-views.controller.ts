import { ConflictException, Controller, Get, Headers, HttpException, Inject, NotFoundException, Param, Query, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { Principal } from '@imera/auth';
import { CurrentPrincipal, Roles } from '@imera/platform';
import { openEventStream, streamRequestStart } from '../../../crisis-monitor/src/live/server-sent-events';
import { requireVisibleExercise } from '../shared/exercise-visibility';
import { ExerciseNotViewableError, ExerciseReaders, NamespaceLease } from './exercise-readers';

/**
 * Who reads inside the namespace: a Commission analyst, whose role reads every view the dashboard shows. The
 * token is the namespace's own (its key never leaves it); only GET requests are forwarded.
 */
export const NAMESPACE_VIEWER: Principal = { role: 'commission-analyst', subject: 'exercise-viewer' };

interface RequestLike {
  readonly url: string;
}

interface ReplyLike {
  status(code: number): unknown;
  hijack(): void;
  readonly raw: ServerResponse;
}

/** The readers whose records an evidence link can open: notifications, measures and the four instruments. */
const RECORD_READERS = new Set(['notifications', 'export-controls', 'information-requests', 'priority-rated-requests', 'stock-distributions', 'joint-procurements']);

/**
 * A finished exercise's views for the dashboard, under `/api/v1/exercises/:exerciseId/` at the paths the live
 * views have under `/api/v1/`: each GET is answered by the namespace's own app (the same view code, over the
 * exercise's log opened read-only), never by the live one. Exercise runners only; a token bound to another
 * exercise finds nothing.
 */
@Controller('api/v1/exercises/:exerciseId')
@Roles('exercise-runner')
export class ExerciseViewsController {
  constructor(@Inject(ExerciseReaders) private readonly readers: ExerciseReaders) {}

  @Get('scopes')
  scopes(@Param('exerciseId') id: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, '/api/v1/scopes', request, reply);
  }

  @Get('scopes/:scopeId')
  scope(@Param('exerciseId') id: string, @Param('scopeId') scopeId: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, `/api/v1/scopes/${encodeURIComponent(scopeId)}`, request, reply);
  }

  @Get('scopes/:scopeId/open-instruments')
  openInstruments(@Param('exerciseId') id: string, @Param('scopeId') scopeId: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, `/api/v1/scopes/${encodeURIComponent(scopeId)}/open-instruments`, request, reply);
  }

  @Get('dashboard/scopes/:scopeId/trends')
  trends(@Param('exerciseId') id: string, @Param('scopeId') scopeId: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, `/api/v1/dashboard/scopes/${encodeURIComponent(scopeId)}/trends`, request, reply);
  }

  @Get('notifications')
  notifications(@Param('exerciseId') id: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, '/api/v1/notifications', request, reply);
  }

  @Get('export-controls')
  exportControls(@Param('exerciseId') id: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, '/api/v1/export-controls', request, reply);
  }

  /** The records behind the dashboard's evidence links, at the paths the live readers have. */
  @Get(':records/:recordId')
  record(
    @Param('exerciseId') id: string,
    @Param('records') records: string,
    @Param('recordId') recordId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: RequestLike,
    @Res({ passthrough: true }) reply: ReplyLike,
  ) {
    if (!RECORD_READERS.has(records)) throw new NotFoundException(`There is no record reader at ${records}`);
    return this.forward(id, principal, `/api/v1/${records}/${encodeURIComponent(recordId)}`, request, reply);
  }

  @Get('audit/scopes/:scopeId')
  scopeTrail(@Param('exerciseId') id: string, @Param('scopeId') scopeId: string, @CurrentPrincipal() principal: Principal, @Req() request: RequestLike, @Res({ passthrough: true }) reply: ReplyLike) {
    return this.forward(id, principal, `/api/v1/audit/scopes/${encodeURIComponent(scopeId)}`, request, reply);
  }

  /**
   * The namespace's own live stream: what the live stream sends on connect (the retry delay; after a
   * Last-Event-ID, a resync with every scope's state), then keep-alive comments. A finished run records
   * nothing more, so no change follows.
   */
  @Get('stream')
  async stream(
    @Param('exerciseId') id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: string | undefined,
    @Res() reply: ReplyLike,
  ): Promise<void> {
    requireVisibleExercise(principal, id);
    const after = streamRequestStart(accept, header ?? query);
    const lease = await this.lease(id);
    const { client, raw } = openEventStream(reply);
    const stop = lease.namespace.followStream(NAMESPACE_VIEWER, after, client);
    const hangUp = () => {
      stop();
      lease.release();
    };
    raw.on('close', hangUp);
    if (raw.destroyed) hangUp();
  }

  private async forward(id: string, principal: Principal, path: string, request: RequestLike, reply: ReplyLike): Promise<unknown> {
    requireVisibleExercise(principal, id);
    const lease = await this.lease(id);
    try {
      const query = request.url.indexOf('?');
      const answer = await lease.namespace.view(query < 0 ? path : `${path}${request.url.slice(query)}`, NAMESPACE_VIEWER);
      reply.status(answer.status);
      return answer.body;
    } finally {
      lease.release();
    }
  }

  private async lease(id: string): Promise<NamespaceLease> {
    try {
      return await this.readers.lease(id);
    } catch (error) {
      throw error instanceof ExerciseNotViewableError ? refusal(error) : error;
    }
  }
}

function refusal(error: ExerciseNotViewableError): HttpException {
  switch (error.reason) {
    case 'not-found':
      return new NotFoundException({ statusCode: 404, error: 'Not Found', message: error.message });
    case 'too-many-open':
      return new ServiceUnavailableException({ statusCode: 503, error: 'too-many-open', message: error.message });
    default:
      return new ConflictException({ statusCode: 409, error: error.reason, message: error.message });
  }
}
