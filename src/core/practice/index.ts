// Practice mode's pure core: the spaced-repetition schedule, which story comes next, and the
// practice history file's format. The store that writes the file lives outside the core (Node fs in
// src/cli/practice-store.ts; the extension's workspace state elsewhere).

export * from './schedule.js';
export * from './history.js';
export * from './question.js';
export * from './view.js';
