export * from './commands.js';
export * from './decide.js';
export * from './decider.js';
export * from './seed.js';
export * from './state.js';
export * from './view.js';
