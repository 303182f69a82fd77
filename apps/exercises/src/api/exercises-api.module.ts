import { Module } from '@nestjs/common';
import { ExercisesController } from './exercises.controller';

/** The exercises API of the all-in-one app (not of an exercise's own namespace). */
@Module({ controllers: [ExercisesController] })
export class ExercisesApiModule {}
