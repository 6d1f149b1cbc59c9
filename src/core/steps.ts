// Work in steps: the analysis's long passes are generators that yield between pieces of bounded size,
// so a first analysis can pause between them (NotesAnalyzer.updateInSlices); run to their end in one
// piece, they are the plain functions.

/** Runs steps to their end and returns what they return. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
