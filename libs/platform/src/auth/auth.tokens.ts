/** Injection tokens and metadata keys of the authentication glue. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');
export const AUTH_CONFIG = Symbol('AuthConfig');
export const IS_PUBLIC = 'imera:auth:public';
export const ALLOWED_ROLES = 'imera:auth:roles';
