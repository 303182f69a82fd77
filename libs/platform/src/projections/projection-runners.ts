import { DiscoveryService } from '@nestjs/core';
import { ProjectionRunner } from './projection-runner';

/** Every projection runner an app created, among the providers of all its modules. */
export function projectionRunnersOf(discovery: DiscoveryService): ProjectionRunner[] {
  return discovery
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is ProjectionRunner => instance instanceof ProjectionRunner);
}
