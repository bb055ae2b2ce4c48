export * from './actor.js';
export * from './config.js';
export * from './directory.js';
export * from './holidays.js';
