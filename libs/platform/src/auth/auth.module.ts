import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Clock, systemClock } from '@imera/event-sourcing';
import { AppConfig } from '../config/app-config';
import { AuthConfig, loadAuthConfig } from './auth-config';
import { AuthGuard } from './auth.guard';
import { AUTH_CONFIG, TOKEN_VERIFIER } from './auth.tokens';
import { openTokenVerifier } from './open-token-verifier';

export interface AuthModuleOptions {
  /** Defaults to process.env: AUTH_JWKS_URL, AUTH_PUBLIC_KEY(_FILE), AUTH_ISSUER, AUTH_AUDIENCE and the limits. */
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: Clock;
}

/** Verifies bearer tokens on every HTTP route (global guard) with the keys the configuration names. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig, options: AuthModuleOptions = {}): DynamicModule {
    const authConfig = loadAuthConfig(options.env ?? process.env, config.dataDir);
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_CONFIG, useValue: authConfig },
        {
          provide: TOKEN_VERIFIER,
          useFactory: async () => {
            const { verifier, detail } = await openTokenVerifier(authConfig, options.clock ?? systemClock);
            new Logger('auth').log(`Tokens from ${describe(authConfig)}: ${detail}`);
            return verifier;
          },
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_CONFIG, TOKEN_VERIFIER],
    };
  }
}

function describe({ tokens }: AuthConfig): string {
  return `issuer "${tokens.issuer}" for audience "${tokens.audience}" (${tokens.algorithms.join(', ')})`;
}
