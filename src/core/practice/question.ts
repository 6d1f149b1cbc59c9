// Which question to ask for the story practice picked: one linked to the story, else one tagged with
// a competency of the story, else the story's own title as a prompt. Random among equals, with the
// same injectable random source as the pick of the story.

import { oneOf } from './schedule.js';

/** What asking needs of a question: its text, the story ids it links to, its competency keys (the same form as the story's, e.g. `generic:conflict`). */
export interface AskableQuestion {
  text: string;
  stories: readonly string[];
  competencies: readonly string[];
}

export interface AskedQuestion {
  text: string;
  /** `linked`: the question names the story; `competency`: it asks for a competency the story shows; `title`: no question fits. */
  reason: 'linked' | 'competency' | 'title';
}

export function questionFor(
  story: { storyId: string; title: string; competencies: readonly string[] },
  questions: readonly AskableQuestion[],
  random: () => number = Math.random,
): AskedQuestion {
  const linked = questions.filter((q) => q.stories.includes(story.storyId));
  const shown = new Set(story.competencies);
  const byCompetency = questions.filter((q) => q.competencies.some((c) => shown.has(c)));
  const pool = linked.length ? linked : byCompetency;
  if (pool.length === 0) return { text: `Tell me about: ${story.title}`, reason: 'title' };
  return { text: oneOf(pool, random)!.text, reason: linked.length ? 'linked' : 'competency' };
}
