// `first-person-action`: the Action says "we" more than "I". An interviewer asks what *you* did; a
// story told as "we" hides it. Counted in every language the reader reads.

import { finding, partText, rawPartText, type CoachRule } from './rule.js';

// Lower-case word lists per language. Words that are also common words of another supported
// language on the "we" side are left out (`nos` is "in the" in Portuguese, `onze` "eleven" in French
// and Portuguese, `ci` "there" in Italian), so a sentence in one language never reads as "we" in another.
const SINGULAR_WORDS = [
  'i', 'my', 'me', 'mine', 'myself', // en
  'ich', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'mich', 'mir', // de
  'yo', 'mi', 'mis', 'conmigo', // es
  'je', 'j', 'moi', 'mon', 'mes', 'm', // fr
  'eu', 'meu', 'minha', 'meus', 'minhas', 'mim', 'comigo', // pt
  'io', 'mio', 'mia', 'miei', // it
  'ik', 'mijn', 'mij', // nl
  'я', 'мой', 'моя', 'моё', 'мое', 'мои', 'мою', 'моей', 'моего', 'моим', 'моих', 'мне', 'меня', 'мной', // ru
];
const PLURAL_WORDS = [
  'we', 'our', 'us', 'ours', 'ourselves', // en (also nl `we`)
  'wir', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'uns', // de
  'nosotros', 'nosotras', 'nuestro', 'nuestra', 'nuestros', 'nuestras', // es
  'nous', 'notre', // fr
  'nós', 'nosso', 'nossa', 'nossos', 'nossas', 'conosco', // pt
  'noi', 'nostro', 'nostra', 'nostri', 'nostre', // it
  'wij', 'ons', // nl
  'мы', 'наш', 'наша', 'наше', 'наши', 'нашу', 'нашей', 'нашего', 'нашим', 'наших', 'нашем', 'нас', 'нам', 'нами', // ru
];
// Chinese, Japanese and Korean: no spaces between words, so pronouns are found inside the text; the
// plural forms are tried first (我们 holds 我). Korean `내` ("my") is left out: it starts many words.
const CJK_RE = /(我们|我們|咱们|咱們|私たち|私達|僕たち|僕ら|我々|われわれ|우리|저희)|(我|私|僕|俺|わたし|自分|제가|저는|저의|나는|내가|나의)/gu;

const SINGULAR = new Set(SINGULAR_WORDS);
const PLURAL = new Set(PLURAL_WORDS);

// "We" as the subject of a sentence, the words that say who did it. `our` alone is often a
// possessive of the system (`our projected load`) in an Action told in the first person by implication
// (`Ran load tests…`), so the rule asks for at least two subjects besides the overall count.
const PLURAL_SUBJECTS = new Set(['we', 'wir', 'nosotros', 'nosotras', 'nous', 'nós', 'noi', 'wij', 'мы']);

export interface PronounCount {
  singular: number;
  plural: number;
  /** Of the plural ones, how many are subjects ("we", not "our"/"us"). */
  pluralSubjects: number;
}

/** First-person pronouns in a text, singular ("I") and plural ("we"). */
export function countPronouns(text: string): PronounCount {
  let singular = 0;
  let plural = 0;
  let pluralSubjects = 0;
  for (const m of text.replace(/’/g, "'").matchAll(/[\p{L}]+/gu)) {
    const word = m[0];
    // `US` in capitals is the country, not "us".
    if (word === 'US') continue;
    const lower = word.toLowerCase();
    if (SINGULAR.has(lower)) singular++;
    else if (PLURAL.has(lower)) {
      plural++;
      if (PLURAL_SUBJECTS.has(lower)) pluralSubjects++;
    }
  }
  for (const m of text.matchAll(CJK_RE)) {
    // CJK pronouns carry no case: every one of them can be the subject.
    if (m[1]) {
      plural++;
      pluralSubjects++;
    } else singular++;
  }
  return { singular, plural, pluralSubjects };
}

export const firstPersonAction: CoachRule = {
  id: 'first-person-action',
  severity: 'hint',
  enabledByDefault: true,
  doc: 'The Action says "we" (our, us) more often than "I" (my, me), with "we" as the subject at least twice. The interviewer wants to know what you did: say which part was yours.',
  check(context) {
    // The raw Action holds every pronoun its prose does: too few "we" there, and no parse is needed.
    const raw = rawPartText(context, 'action');
    if (raw === undefined || countPronouns(raw).pluralSubjects < 2) return [];
    const action = partText(context, 'action');
    if (!action) return [];
    const { singular, plural, pluralSubjects } = countPronouns(action.text);
    if (pluralSubjects < 2 || plural <= singular) return [];
    return [
      finding(this, this.severity, `The Action says "we" ${plural} times and "I" ${singular === 0 ? 'never' : singular === 1 ? 'once' : `${singular} times`}: say what you did yourself.`, action.label),
    ];
  },
};
