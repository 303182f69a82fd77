/** Injection tokens for the ports; application code depends on these, never on an adapter class. */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = Symbol('Clock');
export const APP_CONFIG = Symbol('AppConfig');
export const MESSAGE_BUS = Symbol('MessageBus');
