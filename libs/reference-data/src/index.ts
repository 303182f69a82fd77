export * from './dataset';
export * from './materials/raw-material';
export * from './materials/materials';
export * from './member-states/member-states';
export * from './crisis-scopes/crisis-scope';
export * from './crisis-scopes/crisis-scopes';
export * from './supply-baseline';
