import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Clock, systemClock } from '@imera/event-sourcing';
import {
  AppConfig,
  createStructuredLogger,
  DomainErrorFilter,
  installHttpObservability,
  installRequestLimits,
  levelForNestLevels,
  loadRequestLimits,
  RequestLimits,
  strictValidationPipe,
  StructuredNestLogger,
  SystemMetrics,
  TOKEN_VERIFIER,
} from '@imera/platform';
import { ExercisesApiModule } from '../../exercises/src/api/exercises-api.module';
import { AppModule } from './app.module';

export interface CreateAppOptions {
  /** Virtual time for tests and exercises; real time otherwise. */
  readonly clock?: Clock;
  /** Which levels to log (structured JSON lines); LOG_LEVEL or info when not given. */
  readonly logger?: false | Array<'error' | 'warn' | 'log'>;
  /** Body size, JSON nesting and per-caller rate limits; from the environment by default. */
  readonly limits?: RequestLimits;
  /** Where the token settings come from; process.env by default. An exercise namespace passes its own. */
  readonly authEnv?: NodeJS.ProcessEnv;
  /** True when the app is a stress-test exercise's namespace: it runs no exercises API of its own. */
  readonly exerciseNamespace?: boolean;
}

/** Builds the all-in-one app; tests call this with their own configuration. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? loadRequestLimits();
  const logger = createStructuredLogger({ level: levelForNestLevels(options.logger) });
  const metrics = new SystemMetrics();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { clock, observability: { metrics, logger }, authEnv: options.authEnv, extraModules: options.exerciseNamespace ? [] : [ExercisesApiModule] }),
    new FastifyAdapter({ bodyLimit: limits.bodyLimitBytes, trustProxy: false }),
    { logger: new StructuredNestLogger(logger), abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  installHttpObservability(fastify, metrics, logger);
  await installRequestLimits(fastify, limits, () => app.get(TOKEN_VERIFIER));
  app.useGlobalPipes(strictValidationPipe(clock));
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  setUpApiDocs(app);
  return app;
}

/** OpenAPI generated from the same DTOs that validate requests, served at /api/docs. */
function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IMERA CRM response API')
      .setDescription('Operator notifications, export controls, supply indicators, IMERA modes and response instruments')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}

export async function listen(app: INestApplication, config: AppConfig): Promise<string> {
  await app.listen(config.port, config.host);
  return app.getUrl();
}
