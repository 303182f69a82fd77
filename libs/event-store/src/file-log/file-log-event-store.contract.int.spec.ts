import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@imera/event-sourcing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { FileLogEventStore } from './file-log-event-store.adapter';

describeEventStoreContract('embedded file log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imera-file-log-'));
  let store: EventStore = await FileLogEventStore.open({ dir });
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await FileLogEventStore.open({ dir });
      return store;
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
