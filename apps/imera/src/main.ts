import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadAppConfig } from '@imera/platform';
import { createApp, listen } from './bootstrap';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  const url = await listen(app, config);
  new Logger('imera').log(`All-in-one system listening on ${url} (data in ${config.dataDir})`);
}

main().catch((error: unknown) => {
  new Logger('imera').error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
