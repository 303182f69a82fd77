import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@imera/platform';
import { AppModule } from './app.module';

/** Builds the all-in-one app; tests call this with their own configuration. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: 256 * 1024 }),
    { logger: ['error', 'warn', 'log'], abortOnError: false },
  );
  app.enableShutdownHooks();
  return app;
}

export async function listen(app: INestApplication, config: AppConfig): Promise<string> {
  await app.listen(config.port, config.host);
  return app.getUrl();
}
