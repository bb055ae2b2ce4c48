export * from './account-decide.js';
export * from './account-state.js';
export * from './commands.js';
export * from './decider.js';
export * from './evaluation-clock.js';
export * from './incident.js';
export * from './policy.js';
export * from './allowed-actions.js';
