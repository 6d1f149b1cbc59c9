// Questions: the question bank's files, their links to stories, the starter bank, and finding the
// stories that answer a question.

export * from './parse.js';
export * from './resolve.js';
export * from './starter.js';
export * from './find.js';
