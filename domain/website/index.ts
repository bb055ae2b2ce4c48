export * from './clocks.js';
export * from './commands.js';
export * from './decider.js';
export * from './policy.js';
export * from './state.js';
export * from './topics.js';
