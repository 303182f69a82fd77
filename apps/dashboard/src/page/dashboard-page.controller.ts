import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@imera/platform';
import { Asset, ASSETS_PATH, DashboardAssets } from './dashboard-assets';

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Revalidated on every load (ETag), so a deployment is picked up at the next reload.
  'cache-control': 'no-cache',
};

/**
 * Serves the dashboard page at `/` and its files under `/dashboard/`. They are public: they hold no data.
 * Everything shown comes from the API, with the bearer token the user pastes in.
 */
@ApiExcludeController()
@Controller()
export class DashboardPageController {
  constructor(@Inject(DashboardAssets) private readonly assets: DashboardAssets) {}

  @Public()
  @Get()
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const { page } = this.assets;
    send(request, reply.header('content-security-policy', page.contentSecurityPolicy).header('x-frame-options', 'DENY'), page);
  }

  @Public()
  @Get('dashboard/*')
  file(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const name = decodeURIComponent(request.url.split('?')[0].slice(ASSETS_PATH.length));
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`There is no dashboard file ${name}`);
    send(request, reply, asset);
  }
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset): void {
  reply.headers({ ...COMMON_HEADERS, etag: asset.etag });
  if (request.headers['if-none-match'] === asset.etag) {
    void reply.code(304).send();
    return;
  }
  void reply.type(asset.contentType).send(asset.body);
}
