export * from './imera-mode';
