import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { Role } from '@imera/auth';
import { ALLOWED_ROLES, IS_PUBLIC } from '@imera/platform';

/** One HTTP route of the running app, as its decorators declare it. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path pattern with Nest's parameters, e.g. `/api/v1/notifications/:notificationId`. */
  readonly path: string;
  /** Roles the route declares; undefined when any authenticated caller may call it. */
  readonly roles?: readonly Role[];
  readonly isPublic: boolean;
}

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/**
 * Every route of every controller the app has, read from the controllers' metadata, so a suite covers
 * endpoints that did not exist when it was written (and fails when its table has no row for one).
 */
export function discoverRoutes(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const roles = (Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller)) as Role[] | undefined;
      const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller));
      routes.push({ method: RequestMethod[method] as Route['method'], path: join(base, path), roles, isPublic });
    }
  }
  return routes.sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** A concrete URL for a pattern: each parameter gets a well-formed value that names nothing stored. */
export function concreteUrl(path: string, values: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? placeholder(name));
}

function placeholder(name: string): string {
  if (/Id$/.test(name) && !/^(scope|measure|operator|order|correlation)Id$/.test(name)) return '0d9f3b52-7c1e-4a8b-9f2d-6e5a4c3b2a19';
  if (name === 'scopeId') return 'rare-earth-magnets';
  return `unknown-${name.toLowerCase()}`;
}

function join(base: string, path: string): string {
  const parts = [base, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  return `/${parts.join('/')}`;
}
