// The story bank: competency tags, coverage, speaking time and the coach rules. Pure functions over
// the document text and the model; wired into the analyzer, the CLI and the extension elsewhere.

export * from './frameworks.js';
export * from './tags.js';
export * from './speech.js';
export * from './coverage.js';
export * from './coverage-update.js';
export * from './story-bank.js';
export * from './time-status.js';
export * from './rules/index.js';
