/** The exercise runtime: namespaces running the real services on virtual time. */
export { ExerciseNamespace, namespaceDir } from './exercise-namespace';
export type { InputOutcome, NamespaceOptions } from './exercise-namespace';
export { ACTIONS, ACTION_NAMES, actorOf, principalFor, routeOf, routeParams, MissingActorDetail } from './action-catalogue';
export type { ActorSpec, ExerciseInput } from './action-catalogue';
export { deepMerge, exercisePolicy } from './exercise-policy';
export { VirtualTime } from './virtual-time';
