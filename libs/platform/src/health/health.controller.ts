import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { Readiness } from './readiness';

interface StatusReply {
  status(code: number): { send(body: unknown): unknown };
}

@Controller()
export class HealthController {
  constructor(@Inject(Readiness) private readonly readiness: Readiness) {}

  /** 200 once recovery is done and every component is ready, 503 before. */
  @Public()
  @Get('health')
  health(@Res() reply: StatusReply): unknown {
    const ready = this.readiness.isReady;
    return reply
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .send({ status: ready ? 'ok' : 'starting', components: this.readiness.snapshot() });
  }
}
