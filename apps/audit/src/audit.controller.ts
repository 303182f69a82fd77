import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { crisisScope, CrisisScope } from '@imera/reference-data';
import { Roles } from '@imera/platform';
import { AuditEntry } from './audit-entry';
import { AuditTrail } from './audit-trail';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const NDJSON = 'application/x-ndjson';

/**
 * The audit trail for the Commission's analysts and crisis cell: every recorded change with who made it,
 * when, from where and why. JSON to read, NDJSON (one change per line) to export.
 */
@ApiTags('audit trail')
@ApiBearerAuth()
@Roles('commission-analyst', 'crisis-cell')
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AuditTrail) private readonly trail: AuditTrail) {}

  @Get('scopes/:scopeId')
  @ApiOperation({ summary: 'Full trail of one crisis scope: its modes, and every change naming the scope or its materials' })
  async scope(@Param('scopeId') scopeId: string) {
    const scope = knownScope(scopeId);
    const entries = await collect(this.trail.scope(scope));
    return { scope: describeScope(scope), count: entries.length, entries };
  }

  @Get('scopes/:scopeId/export')
  @ApiProduces(NDJSON)
  @ApiOperation({ summary: 'The same trail as NDJSON, one change per line, for archiving' })
  scopeExport(@Param('scopeId') scopeId: string): StreamableFile {
    const scope = knownScope(scopeId);
    return ndjson(this.trail.scope(scope), `audit-scope-${scope.id}.ndjson`);
  }

  @Get('notifications/:notificationId')
  @ApiOperation({ summary: 'Trail of one notification: filing, follow-ups, and every later change that cites it' })
  async notification(@Param('notificationId', ParseUUIDPipe) notificationId: string) {
    const entries = await collect(this.trail.notification(notificationId));
    if (entries.length === 0) throw new NotFoundException(`Notification ${notificationId} not found`);
    return { notificationId, count: entries.length, entries };
  }

  @Get('notifications/:notificationId/export')
  @ApiProduces(NDJSON)
  @ApiOperation({ summary: 'The same trail as NDJSON' })
  notificationExport(@Param('notificationId', ParseUUIDPipe) notificationId: string): StreamableFile {
    return ndjson(this.trail.notification(notificationId), `audit-notification-${notificationId}.ndjson`);
  }

  @Get('correlations/:correlationId')
  @ApiOperation({ summary: 'Every change made in one chain of work (the x-correlation-id of a request)' })
  async correlation(@Param('correlationId') correlationId: string) {
    if (!CORRELATION_ID.test(correlationId)) throw new BadRequestException('correlationId must be 1-100 letters, digits or . _ : -');
    const entries = await collect(this.trail.correlation(correlationId));
    return { correlationId, count: entries.length, entries };
  }
}

function knownScope(scopeId: string): CrisisScope {
  const scope = crisisScope(scopeId);
  if (!scope) throw new NotFoundException(`Crisis scope ${scopeId} not found`);
  return scope;
}

function describeScope(scope: CrisisScope) {
  return { id: scope.id, name: scope.name, materials: scope.materials.map((material) => material.code) };
}

async function collect(entries: AsyncIterable<AuditEntry>): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

/** Streams the trail as it is read, so an export of a long crisis never sits whole in memory. */
function ndjson(entries: AsyncIterable<AuditEntry>, filename: string): StreamableFile {
  async function* lines() {
    for await (const entry of entries) yield `${JSON.stringify(entry)}\n`;
  }
  return new StreamableFile(Readable.from(lines()), { type: NDJSON, disposition: `attachment; filename="${filename}"` });
}
