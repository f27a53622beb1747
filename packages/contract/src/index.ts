export * from './routes.js';
export * from './problem.js';
export * from './kommun.js';
export * from './auth.js';
export * from './drafts.js';
export * from './health.js';
export * from './operations.js';
export * from './felanmalan.js';
