// The one-page cheat sheet: a summary per story, grouped, as Markdown or printable HTML.

export * from './summary.js';
export * from './sheet.js';
