export * from './auth-config';
export * from './auth.tokens';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './bearer-token';
export * from './open-token-verifier';
export * from './principal-of-request';
