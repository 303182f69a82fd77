import { BeforeApplicationShutdown, Inject, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@imera/platform';
import { ExerciseReaders } from '../views/exercise-readers';
import { ExerciseViewsController } from '../views/exercise-views.controller';
import { ExercisesController } from './exercises.controller';

/** The exercises API of the all-in-one app (not of an exercise's own namespace), with finished exercises' views. */
@Module({
  controllers: [ExercisesController, ExerciseViewsController],
  providers: [{ provide: ExerciseReaders, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ExerciseReaders(config.dataDir) }],
})
export class ExercisesApiModule implements BeforeApplicationShutdown {
  constructor(@Inject(ExerciseReaders) private readonly readers: ExerciseReaders) {}

  /** Before the HTTP server stops: it waits for open connections, and the exercises' streams end here. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.readers.closeAll();
  }
}
