import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@imera/platform';
import { IsScopeIdParam } from '../shared/params';
import { OpenInstrument } from './open-instrument';
import { OpenInstrumentsView } from './open-instruments.view';

@ApiTags('response instruments')
@ApiBearerAuth()
@Controller('api/v1/scopes')
export class OpenInstrumentsController {
  constructor(@Inject(OpenInstrumentsView) private readonly view: OpenInstrumentsView) {}

  @Get(':scopeId/open-instruments')
  @Roles('crisis-cell', 'commission-analyst')
  @ApiOperation({ summary: "The scope's instruments that still await a step, with what they wait for and their next deadline" })
  openInstruments(@Param('scopeId', IsScopeIdParam) scopeId: string): { scopeId: string; openInstruments: OpenInstrument[] } {
    return { scopeId, openInstruments: this.view.openIn(scopeId) };
  }
}
