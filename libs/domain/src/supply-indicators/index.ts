export * from './evidence';
export * from './indicator-value';
export * from './indicator-settings';
export * from './indicator-context';
export * from './supply-indicators.projection';
export * from './material-indicators';
export * from './scope-indicators';
export * from './scopes-touched';
