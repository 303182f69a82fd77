import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';

@Global()
@Module({
  controllers: [HealthController],
  // One per app: two apps in one process (a restart in a test) must not share what is ready.
  providers: [{ provide: Readiness, useFactory: () => new Readiness() }],
  exports: [Readiness],
})
export class HealthModule {}
