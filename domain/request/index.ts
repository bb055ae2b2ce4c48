export * from './commands.js';
export * from './decider.js';
export * from './policy.js';
export * from './reference.js';
export * from './state.js';
