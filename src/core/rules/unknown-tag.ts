import { coachRule } from './coach.js';

/** A tag no framework knows, in a competency list or close to a known name; judged by the story bank's `unknown-tag`. */
export const unknownTag = coachRule('unknown-tag', {
  description: 'A tag no competency framework knows (in a competency list, or a near miss of a known name).',
  doc: {
    fix: 'suggested (the closest known name), never applied by `--fix`',
    fixSummary: 'suggests the closest known name',
    body: 'A tag that no framework knows: in a competency list (`- **LP**: …`, `- **Competencies**: …`), or\nclose to a known name (`dive-dep` for Dive Deep). The quick fix changes it to the closest known name.',
    details: 'Free keywords under `Tags:` or `Keywords:` that are not close to any known name are the user\'s own\nand are not reported. Front matter tags are not reported on the stories.',
  },
});
