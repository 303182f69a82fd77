import { BadRequestException, Body, ConflictException, Controller, Delete, ForbiddenException, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { boundExercise, Principal } from '@imera/auth';
import { APP_CONFIG, AppConfig, CurrentPrincipal, Roles } from '@imera/platform';
import { deleteExercise, exerciseExists, NamespaceInUseError, exerciseIdFromName, isExerciseId, listExercises, readReportFile, runExercise, writeReport } from '../runner';
import { namespaceDir } from '../runtime';
import { BadScenarioError, checkScenario } from '../scenario/parse-scenario';
import { exerciseNotFound, requireVisibleExercise } from '../shared/exercise-visibility';
import { ExerciseReaders } from '../views/exercise-readers';

interface ReplyLike {
  header(name: string, value: string): unknown;
}

/**
 * Stress-test exercises over HTTP, for the exercise-runner role only: run a scenario in its own namespace
 * (under `$DATA_DIR/exercises/<id>/`, never the live store), list and delete namespaces, read reports. A token
 * bound to an exercise id sees that exercise only; others do not exist for it.
 */
@Controller('api/v1/exercises')
@Roles('exercise-runner')
export class ExercisesController {
  private readonly running = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ExerciseReaders) private readonly readers: ExerciseReaders,
  ) {}

  /** Body: the scenario JSON. `?id=` names the namespace (default: the token's exercise, else from the name). */
  @Post()
  @HttpCode(201)
  async run(@Body() body: unknown, @Query('id') requestedId: string | undefined, @CurrentPrincipal() principal: Principal): Promise<unknown> {
    const scenario = this.checked(body);
    const bound = boundExercise(principal);
    if (bound !== undefined && requestedId !== undefined && requestedId !== bound) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', reason: 'other-exercise', message: `This token acts in exercise ${bound} only` });
    }
    const exerciseId = bound ?? requestedId ?? exerciseIdFromName(scenario.name);
    if (!isExerciseId(exerciseId)) throw new BadRequestException({ statusCode: 400, error: 'bad-exercise-id', message: `Not an exercise id: ${exerciseId}` });
    if (this.running.has(exerciseId) || (await exerciseExists(this.config.dataDir, exerciseId))) {
      throw new ConflictException({ statusCode: 409, error: 'exercise-exists', message: `Exercise ${exerciseId} exists: delete it first, or choose another id` });
    }
    this.running.add(exerciseId);
    try {
      const fileHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const report = await runExercise({ scenario, fileHash }, { exerciseId, dataDir: this.config.dataDir, store: 'file' });
      await writeReport(namespaceDir(this.config.dataDir, exerciseId), report);
      return report;
    } catch (error) {
      if (error instanceof BadScenarioError) throw badScenario(error);
      throw error;
    } finally {
      this.running.delete(exerciseId);
    }
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<unknown> {
    const bound = boundExercise(principal);
    const exercises = (await listExercises(this.config.dataDir))
      .filter((summary) => bound === undefined || summary.id === bound)
      .map((summary) => (this.running.has(summary.id) ? { ...summary, state: 'running' as const } : summary));
    return { exercises };
  }

  /** `?format=html` for the page; JSON otherwise. */
  @Get(':exerciseId/report')
  async report(
    @Param('exerciseId') exerciseId: string,
    @Query('format') format: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: ReplyLike,
  ): Promise<unknown> {
    requireVisibleExercise(principal, exerciseId);
    const html = format === 'html';
    const text = await readReportFile(this.config.dataDir, exerciseId, html ? 'html' : 'json');
    if (text === undefined) throw exerciseNotFound(exerciseId);
    if (!html) return JSON.parse(text) as unknown;
    reply.header('content-type', 'text/html; charset=utf-8');
    return text;
  }

  @Delete(':exerciseId')
  @HttpCode(204)
  async remove(@Param('exerciseId') exerciseId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    requireVisibleExercise(principal, exerciseId);
    if (this.running.has(exerciseId)) throw new ConflictException({ statusCode: 409, error: 'exercise-running', message: `Exercise ${exerciseId} is still running` });
    if (!(await exerciseExists(this.config.dataDir, exerciseId))) throw exerciseNotFound(exerciseId);
    // A namespace open for viewing is this server's to let go: its viewers' streams end.
    await this.readers.close(exerciseId);
    try {
      await deleteExercise(this.config.dataDir, exerciseId);
    } catch (error) {
      if (error instanceof NamespaceInUseError) throw new ConflictException({ statusCode: 409, error: 'exercise-running', message: error.message });
      throw error;
    }
  }

  private checked(body: unknown) {
    try {
      return checkScenario(body);
    } catch (error) {
      if (error instanceof BadScenarioError) throw badScenario(error);
      throw error;
    }
  }
}

function badScenario(error: BadScenarioError): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'bad-scenario', message: error.message, problems: error.problems });
}
