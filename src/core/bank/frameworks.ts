// Competency frameworks as data: the set of names a story can be tagged with. A generic set written
// for this project, Amazon's Leadership Principles (names and a link only: their text is Amazon's),
// and any framework a user writes in settings or the config file.
//
// A tag is matched by its normalised key (`Dive Deep`, `dive-deep`, `#divedeep` → `divedeep`), so
// spellings need no list of their own; aliases cover other words and the languages the reader reads.

export interface Competency {
  /** Stable id within its framework (`dive-deep`). */
  id: string;
  /** The name shown to the user and inserted by fixes and completion. */
  name: string;
  /** One line in our own words (absent for frameworks whose text is not ours to copy). */
  description?: string;
  /** Other words for it: synonyms and translations. The name and id need not be repeated. */
  aliases?: readonly string[];
}

export interface Framework {
  id: string;
  name: string;
  /** Where the framework is described, for the hover (only a link for third-party frameworks). */
  link?: string;
  competencies: readonly Competency[];
}

/** What a user writes in settings or the config file: `{ name, competencies: [{ id, name, aliases? }] }`. */
export interface UserFramework {
  name: string;
  competencies: { id: string; name: string; aliases?: string[] }[];
}

export const GENERIC: Framework = {
  id: 'generic',
  name: 'Competencies',
  competencies: [
    { id: 'conflict', name: 'Conflict', description: 'Disagreeing with someone and getting to a decision both sides could work with.', aliases: ['conflicts', 'conflict resolution', 'disagreement', 'disagreements', 'Konflikt', 'Konflikte', 'conflicto', 'conflit', 'conflito', 'conflitto', '冲突', '衝突', '対立', '갈등', 'конфликт', 'конфликты'] },
    { id: 'leadership', name: 'Leadership', description: 'Setting a direction others followed, with or without the title.', aliases: ['leading', 'leadership without authority', 'leading without authority', 'Führung', 'liderazgo', 'liderança', 'leiderschap', '领导力', '領導力', 'リーダーシップ', '리더십', 'лидерство'] },
    { id: 'ownership', name: 'Ownership', description: 'Taking responsibility for an outcome beyond the edge of your own task.', aliases: ['accountability', 'responsibility', 'Verantwortung', 'Eigenverantwortung', 'responsabilidad', 'responsabilité', 'responsabilidade', 'responsabilità', 'eigenaarschap', '主人翁', '担当', '当事者意識', '주인의식', 'ответственность'] },
    { id: 'failure', name: 'Failure', description: 'Something that went wrong because of you, and what you did about it.', aliases: ['failures', 'mistake', 'mistakes', 'setback', 'Scheitern', 'Misserfolg', 'Fehler', 'fracaso', 'échec', 'fracasso', 'falha', 'fallimento', 'mislukking', 'falen', '失败', '失敗', '실패', 'неудача', 'провал', 'ошибка'] },
    { id: 'influence', name: 'Influence', description: 'Changing the mind of someone you had no authority over.', aliases: ['persuasion', 'influencing', 'stakeholder management', 'Einfluss', 'Überzeugung', 'influencia', 'influência', 'influenza', 'invloed', '影响力', '影響力', '영향력', 'влияние'] },
    { id: 'teamwork', name: 'Teamwork', description: 'Working with others towards a shared goal, including the hard parts of it.', aliases: ['collaboration', 'team work', 'team player', 'Teamarbeit', 'Zusammenarbeit', 'trabajo en equipo', "travail d'équipe", 'travail en équipe', 'trabalho em equipe', 'lavoro di squadra', 'samenwerking', '团队合作', '團隊合作', 'チームワーク', '팀워크', 'командная работа'] },
    { id: 'ambiguity', name: 'Ambiguity', description: 'Moving forward when the goal, the facts or the owner were unclear.', aliases: ['uncertainty', 'dealing with ambiguity', 'Unsicherheit', 'Mehrdeutigkeit', 'ambigüedad', 'incertidumbre', 'ambiguïté', 'ambiguidade', 'ambiguità', 'onzekerheid', '模糊', '不确定性', '曖昧さ', '모호함', 'неопределенность'] },
    { id: 'customer-focus', name: 'Customer focus', description: 'Starting from what a customer or user needed, even at a cost to you.', aliases: ['customer', 'customer centricity', 'user focus', 'Kundenorientierung', 'enfoque en el cliente', 'orientation client', 'foco no cliente', 'orientamento al cliente', 'klantgerichtheid', '客户至上', '以客户为中心', '顧客志向', '고객 중심', 'клиентоориентированность'] },
    { id: 'communication', name: 'Communication', description: 'Making something complicated understood by the people who needed it.', aliases: ['Kommunikation', 'comunicación', 'comunicação', 'comunicazione', 'communicatie', '沟通', '溝通', 'コミュニケーション', '소통', '커뮤니케이션', 'коммуникация'] },
    { id: 'prioritisation', name: 'Prioritisation', description: 'Choosing what not to do when everything could not be done.', aliases: ['prioritization', 'priorities', 'trade-offs', 'tradeoffs', 'Priorisierung', 'priorización', 'priorisation', 'priorização', 'prioritizzazione', 'prioriteren', '优先级', '優先順位', '우선순위', 'приоритизация'] },
    { id: 'learning', name: 'Learning and growth', description: 'Picking up something new quickly, or changing how you work after a lesson.', aliases: ['growth', 'learning', 'self-improvement', 'curiosity', 'Lernen', 'aprendizaje', 'apprentissage', 'aprendizado', 'apprendimento', 'leren', '学习', '學習', '成長', '성장', 'обучение', 'рост'] },
    { id: 'innovation', name: 'Innovation', description: 'A new way of doing something that others then used.', aliases: ['creativity', 'Innovation', 'innovación', 'inovação', 'innovazione', 'innovatie', '创新', '創新', 'イノベーション', '혁신', 'инновации'] },
    { id: 'delivery', name: 'Delivery under pressure', description: 'Getting something shipped on time despite a hard deadline or a crisis.', aliases: ['pressure', 'deadline', 'deadlines', 'tight deadline', 'working under pressure', 'stress', 'Zeitdruck', 'Termindruck', 'bajo presión', 'sous pression', 'sob pressão', 'sotto pressione', 'onder druk', '压力', 'プレッシャー', '압박', 'давление'] },
    { id: 'mentoring', name: 'Mentoring', description: 'Helping someone else get better at their work.', aliases: ['mentorship', 'coaching', 'developing others', 'mentoría', 'mentorat', 'mentoria', 'mentoren', '辅导', '导师', 'メンタリング', '멘토링', 'наставничество'] },
    { id: 'feedback', name: 'Dealing with feedback', description: 'Giving hard feedback, or taking it and changing something because of it.', aliases: ['feedback', 'criticism', 'receiving feedback', 'giving feedback', 'Rückmeldung', 'retroalimentación', 'retour', 'retorno', 'terugkoppeling', '反馈', 'フィードバック', '피드백', 'обратная связь'] },
  ],
};

/** Amazon's sixteen Leadership Principles: names only (their descriptions are Amazon's text). */
export const AMAZON_LP: Framework = {
  id: 'amazon',
  name: 'Amazon Leadership Principles',
  link: 'https://www.amazon.jobs/content/en/our-workplace/leadership-principles',
  competencies: [
    { id: 'customer-obsession', name: 'Customer Obsession', aliases: ['CO'] },
    { id: 'ownership', name: 'Ownership' },
    { id: 'invent-and-simplify', name: 'Invent and Simplify', aliases: ['invent & simplify'] },
    { id: 'are-right-a-lot', name: 'Are Right, A Lot', aliases: ['be right a lot', 'right a lot'] },
    { id: 'learn-and-be-curious', name: 'Learn and Be Curious', aliases: ['learn & be curious'] },
    { id: 'hire-and-develop-the-best', name: 'Hire and Develop the Best', aliases: ['hire and develop', 'hire & develop the best'] },
    { id: 'insist-on-the-highest-standards', name: 'Insist on the Highest Standards', aliases: ['highest standards', 'insist on highest standards'] },
    { id: 'think-big', name: 'Think Big' },
    { id: 'bias-for-action', name: 'Bias for Action' },
    { id: 'frugality', name: 'Frugality' },
    { id: 'earn-trust', name: 'Earn Trust', aliases: ['earn trust of others'] },
    { id: 'dive-deep', name: 'Dive Deep' },
    { id: 'have-backbone', name: 'Have Backbone; Disagree and Commit', aliases: ['have backbone', 'disagree and commit', 'disagree & commit', 'backbone'] },
    { id: 'deliver-results', name: 'Deliver Results' },
    { id: 'earths-best-employer', name: "Strive to be Earth's Best Employer", aliases: ["earth's best employer", 'best employer'] },
    { id: 'broad-responsibility', name: 'Success and Scale Bring Broad Responsibility', aliases: ['broad responsibility', 'success and scale'] },
  ],
};

export const DEFAULT_FRAMEWORKS: readonly Framework[] = [GENERIC, AMAZON_LP];

/**
 * The key a tag is matched by: lower case, accents and marks dropped, everything but letters and
 * digits removed. `Dive Deep`, `dive-deep`, `#DiveDeep` and `dive_deep` all give `divedeep`.
 * Marks are dropped after NFKD on both sides alike, so Japanese kana stay comparable.
 */
export function normaliseTag(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A competency of one framework. */
export interface CompetencyRef {
  framework: string;
  id: string;
  name: string;
}

// One index per framework object, built on first use. Frameworks are plain data that never change.
const indexes = new WeakMap<Framework, Map<string, Competency>>();

function indexOf(framework: Framework): Map<string, Competency> {
  let index = indexes.get(framework);
  if (!index) {
    index = new Map();
    for (const competency of framework.competencies) {
      for (const word of [competency.name, competency.id, ...(competency.aliases ?? [])]) {
        const key = normaliseTag(word);
        if (key && !index.has(key)) index.set(key, competency);
      }
    }
    indexes.set(framework, index);
  }
  return index;
}

const ref = (framework: Framework, c: Competency): CompetencyRef => ({ framework: framework.id, id: c.id, name: c.name });

/** The key with a plain English plural dropped (`conflicts` → `conflict`), tried when the key itself is unknown. */
function singular(key: string): string | undefined {
  return /^[a-z]{4,}s$/.test(key) ? key.slice(0, -1) : undefined;
}

/** Every framework's competency that `word` names (one per framework at most), in framework order. */
export function resolveTag(word: string, frameworks: readonly Framework[] = DEFAULT_FRAMEWORKS): CompetencyRef[] {
  const key = normaliseTag(word);
  if (!key) return [];
  const found: CompetencyRef[] = [];
  for (const framework of frameworks) {
    const index = indexOf(framework);
    const one = singular(key);
    const competency = index.get(key) ?? (one === undefined ? undefined : index.get(one));
    if (competency) found.push(ref(framework, competency));
  }
  return found;
}

/** Levenshtein distance, two rows: tag words are short. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known competency closest in spelling to `word`, for the `unknown-tag` quick fix: `dive-dep` →
 * Dive Deep. Undefined when nothing is close (more than a third of the letters differ), so the fix
 * never proposes an unrelated name.
 */
export function closestCompetency(word: string, frameworks: readonly Framework[] = DEFAULT_FRAMEWORKS): CompetencyRef | undefined {
  const key = normaliseTag(word);
  if (!key) return undefined;
  let best: { ref: CompetencyRef; distance: number } | undefined;
  for (const framework of frameworks) {
    for (const [known, competency] of indexOf(framework)) {
      const distance = editDistance(key, known);
      if (!best || distance < best.distance) best = { ref: ref(framework, competency), distance };
    }
  }
  if (!best || best.distance > Math.max(1, Math.floor(key.length / 3))) return undefined;
  return best.ref;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * A user's framework from settings or the config file, or undefined when it has no name or no usable
 * competency. Entries without an id or a name are skipped; the id is derived from the name when
 * absent. Never throws, whatever the value.
 */
export function frameworkFromConfig(value: unknown): Framework | undefined {
  if (!isRecord(value) || !isNonEmptyString(value.name) || !Array.isArray(value.competencies)) return undefined;
  const competencies: Competency[] = [];
  for (const entry of value.competencies as unknown[]) {
    if (!isRecord(entry) || !isNonEmptyString(entry.name)) continue;
    const id = isNonEmptyString(entry.id) ? entry.id.trim() : normaliseTag(entry.name);
    if (!id) continue;
    const aliases = Array.isArray(entry.aliases) ? entry.aliases.filter(isNonEmptyString) : [];
    competencies.push({ id, name: entry.name.trim(), aliases });
  }
  if (competencies.length === 0) return undefined;
  return { id: `user:${normaliseTag(value.name) || 'framework'}`, name: value.name.trim(), competencies };
}

/**
 * The frameworks a configuration lists, in its order: a built-in by its id (`generic`, `amazon`) or
 * a user's own framework (`frameworkFromConfig`). Undefined when it lists none that is usable: then
 * the built-ins apply.
 */
export function frameworksFromConfig(list: unknown): Framework[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const found: Framework[] = [];
  for (const item of list as unknown[]) {
    const framework = typeof item === 'string' ? DEFAULT_FRAMEWORKS.find((f) => f.id === item.trim()) : frameworkFromConfig(item);
    if (framework && !found.some((f) => f.id === framework.id)) found.push(framework);
  }
  return found.length > 0 ? found : undefined;
}

/** The inverse of `frameworksFromConfig`: built-ins by id, a user's framework as written. */
export function frameworksToConfig(frameworks: readonly Framework[]): (string | UserFramework)[] {
  return frameworks.map((f) =>
    DEFAULT_FRAMEWORKS.includes(f) ? f.id : { name: f.name, competencies: f.competencies.map((c) => ({ id: c.id, name: c.name, ...(c.aliases ? { aliases: [...c.aliases] } : {}) })) },
  );
}

/** Phrase form of a name or alias, for finding it inside a sentence (a 🔸 note): words separated by one space. */
export function phraseOf(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type Phrase = { phrase: string; competency: CompetencyRef };

// Phrases per framework object, built on first use, as the indexes above: frameworks never change.
const phraseLists = new WeakMap<Framework, Phrase[]>();

function phrasesOf(framework: Framework): Phrase[] {
  let list = phraseLists.get(framework);
  if (!list) {
    list = [];
    for (const c of framework.competencies) {
      for (const word of [c.name, ...(c.aliases ?? [])]) {
        const phrase = phraseOf(word);
        // Two-letter abbreviations (`CO`) are tags, not words to look for in a sentence.
        if (phrase.length > 2 || /[^\p{Script=Latin}\p{Script=Cyrillic}\s]/u.test(phrase)) list.push({ phrase, competency: ref(framework, c) });
      }
    }
    phraseLists.set(framework, list);
  }
  return list;
}

/** Every name and alias of every framework, in phrase form, with what it names. */
export function phrases(frameworks: readonly Framework[]): Phrase[] {
  return frameworks.flatMap(phrasesOf);
}
