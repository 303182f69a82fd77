import { Module } from '@nestjs/common';
import { EventStore } from '@imera/event-sourcing';
import { EVENT_STORE } from '@imera/platform';
import { AuditController } from './audit.controller';
import { AuditTrail } from './audit-trail';

/** Audit: the full trail of a crisis scope, a notification or a chain of work, read from the event log. */
@Module({
  controllers: [AuditController],
  providers: [{ provide: AuditTrail, inject: [EVENT_STORE], useFactory: (store: EventStore) => new AuditTrail(store) }],
})
export class AuditModule {}
