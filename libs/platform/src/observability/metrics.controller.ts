import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/auth.decorators';
import { MetricsCollector } from './metrics-collector';
import { SystemMetrics } from './system-metrics';

export const METRICS_SETTINGS = Symbol('MetricsSettings');

export interface MetricsSettings {
  /** A scrape secret for callers that are not on this host (METRICS_TOKEN); without it, only loopback may scrape. */
  readonly token?: string;
}

interface ScrapeRequest {
  readonly ip: string;
  readonly headers: Record<string, string | string[] | undefined>;
}
interface ScrapeReply {
  header(name: string, value: string): ScrapeReply;
  send(body: string): unknown;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus text format for the operators of the system. Counts and lags only, never filing content; still,
 * it answers only the host itself or a scraper holding METRICS_TOKEN, and is a 404 to anyone else.
 */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    @Inject(SystemMetrics) private readonly metrics: SystemMetrics,
    @Inject(MetricsCollector) private readonly collector: MetricsCollector,
    @Inject(METRICS_SETTINGS) private readonly settings: MetricsSettings,
  ) {}

  @Public()
  @Get('metrics')
  async scrape(@Req() request: ScrapeRequest, @Res() reply: ScrapeReply): Promise<void> {
    if (!this.mayScrape(request)) throw new NotFoundException('Cannot GET /metrics');
    await this.collector.collect();
    reply.header('content-type', this.metrics.contentType).send(await this.metrics.render());
  }

  private mayScrape(request: ScrapeRequest): boolean {
    if (LOOPBACK.has(request.ip)) return true;
    const expected = this.settings.token;
    const header = request.headers.authorization;
    if (!expected || typeof header !== 'string') return false;
    const given = Buffer.from(header.replace(/^Bearer +/i, ''));
    const wanted = Buffer.from(expected);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
}
