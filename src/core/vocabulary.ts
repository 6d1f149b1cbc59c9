// The words people use for the STAR parts, grouped into vocabularies so that a fix can insert the
// missing labels in the words the story already uses (Context/Goal/Approach/Outcome stays that way,
// a Portuguese story gets "Resultado", a story written with single letters gets "**R**").
// One vocabulary per language: adding a language is adding one object here (a word shared by two
// languages, 結果 in Chinese and Japanese, belongs to the first).

import type { StarPart } from './model.js';

export interface Vocabulary {
  id: string;
  /** The word a fix inserts for each part. */
  canonical: Record<StarPart, string>;
  /** Every word (lower case) that names a part in this vocabulary. */
  words: Partial<Record<StarPart, readonly string[]>>;
}

export const VOCABULARIES: readonly Vocabulary[] = [
  {
    id: 'en',
    canonical: { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' },
    words: {
      situation: ['situation'],
      task: ['task', 'tasks'],
      action: ['action', 'actions'],
      result: ['result', 'results'],
      learning: ['learning', 'learnings', 'lesson', 'lessons', 'lessons learned', 'lesson learned', 'reflection', 'takeaway', 'takeaways'],
    },
  },
  {
    id: 'en-alt',
    canonical: { situation: 'Context', task: 'Goal', action: 'Approach', result: 'Outcome', learning: 'Learnings' },
    words: {
      situation: ['context', 'background', 'setting'],
      task: ['goal', 'goals', 'challenge', 'objective', 'problem'],
      action: ['approach', 'what i did', 'steps'],
      result: ['outcome', 'outcomes', 'impact'],
    },
  },
  {
    id: 'de',
    canonical: { situation: 'Situation', task: 'Aufgabe', action: 'Aktion', result: 'Ergebnis', learning: 'Erkenntnis' },
    words: {
      situation: ['ausgangslage', 'kontext', 'hintergrund'],
      task: ['aufgabe', 'aufgaben', 'ziel', 'herausforderung'],
      action: ['aktion', 'aktionen', 'handlung', 'maßnahmen', 'massnahmen', 'vorgehen'],
      result: ['ergebnis', 'ergebnisse', 'resultat'],
      learning: ['erkenntnis', 'erkenntnisse', 'lernen', 'learnings'],
    },
  },
  {
    id: 'pt',
    canonical: { situation: 'Situação', task: 'Tarefa', action: 'Ação', result: 'Resultado', learning: 'Aprendizado' },
    words: {
      situation: ['situação', 'situacao', 'contexto'],
      task: ['tarefa', 'tarefas', 'objetivo', 'desafio'],
      action: ['ação', 'acao', 'ações', 'acoes'],
      result: ['resultado', 'resultados'],
      learning: ['aprendizado', 'aprendizados', 'lições aprendidas', 'licoes aprendidas', 'lições', 'aprendizagem'],
    },
  },
  {
    id: 'es',
    canonical: { situation: 'Situación', task: 'Tarea', action: 'Acción', result: 'Resultado', learning: 'Aprendizaje' },
    words: {
      situation: ['situación', 'situacion'],
      task: ['tarea', 'tareas'],
      action: ['acción', 'accion', 'acciones'],
      learning: ['aprendizaje', 'lecciones', 'lecciones aprendidas'],
    },
  },
  {
    id: 'fr',
    canonical: { situation: 'Situation', task: 'Tâche', action: 'Action', result: 'Résultat', learning: 'Leçons' },
    words: {
      situation: ['contexte'],
      task: ['tâche', 'tache', 'objectif'],
      result: ['résultat', 'résultats', 'resultat'],
      learning: ['leçons', 'lecons', 'leçon', 'apprentissage'],
    },
  },
  {
    id: 'it',
    canonical: { situation: 'Situazione', task: 'Compito', action: 'Azione', result: 'Risultato', learning: 'Lezioni apprese' },
    words: {
      situation: ['situazione', 'contesto'],
      task: ['compito', 'compiti', 'obiettivo'],
      action: ['azione', 'azioni'],
      result: ['risultato', 'risultati'],
      learning: ['lezioni apprese', 'lezione', 'apprendimento'],
    },
  },
  {
    id: 'nl',
    canonical: { situation: 'Situatie', task: 'Taak', action: 'Actie', result: 'Resultaat', learning: 'Geleerde lessen' },
    words: {
      situation: ['situatie'],
      task: ['taak', 'taken', 'doel'],
      action: ['actie', 'acties', 'aanpak'],
      result: ['resultaat', 'resultaten'],
      learning: ['geleerde lessen', 'lessen', 'les'],
    },
  },
  {
    // Simplified and traditional Chinese.
    id: 'zh',
    canonical: { situation: '情境', task: '任务', action: '行动', result: '结果', learning: '反思' },
    words: {
      situation: ['情境', '情景', '背景', '场景', '場景'],
      task: ['任务', '任務', '目标', '目標'],
      action: ['行动', '行動', '措施'],
      result: ['结果', '結果', '成果'],
      learning: ['反思', '收获', '收穫', '经验教训', '經驗教訓'],
    },
  },
  {
    id: 'ja',
    canonical: { situation: '状況', task: '課題', action: '行動', result: '結果', learning: '学び' },
    words: {
      situation: ['状況'],
      task: ['課題', 'タスク'],
      action: ['対応', 'アクション'],
      learning: ['学び', '教訓'],
    },
  },
  {
    id: 'ko',
    canonical: { situation: '상황', task: '과제', action: '행동', result: '결과', learning: '배운 점' },
    words: {
      situation: ['상황', '배경'],
      task: ['과제', '임무', '목표'],
      action: ['행동', '조치'],
      result: ['결과', '성과'],
      learning: ['배운 점', '교훈'],
    },
  },
  {
    id: 'ru',
    canonical: { situation: 'Ситуация', task: 'Задача', action: 'Действия', result: 'Результат', learning: 'Выводы' },
    words: {
      situation: ['ситуация', 'контекст'],
      task: ['задача', 'задачи', 'цель'],
      action: ['действия', 'действие'],
      result: ['результат', 'результаты'],
      learning: ['выводы', 'уроки'],
    },
  },
];

export const LETTERS: Record<string, StarPart> = { s: 'situation', t: 'task', a: 'action', r: 'result', l: 'learning' };
export const LETTER_OF: Record<StarPart, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', learning: 'L' };

const WORD_TO_PART = new Map<string, { part: StarPart; vocabulary: string }>();
for (const v of VOCABULARIES) {
  for (const [part, words] of Object.entries(v.words) as [StarPart, readonly string[]][]) {
    for (const w of words) if (!WORD_TO_PART.has(w)) WORD_TO_PART.set(w, { part, vocabulary: v.id });
  }
}

/** Longest phrase first, so "lessons learned" wins over "lessons". */
const PHRASES = [...WORD_TO_PART.keys()].sort((a, b) => b.length - a.length);
const PHRASE_RE = new RegExp(`^(?:${PHRASES.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

export interface LabelWord {
  parts: StarPart[];
  vocabulary: string;
  /** The words as written, for copying their case. */
  written: string;
}

/**
 * Reads a label's words: "Situation", "SITUATION/TASK", "S", "S (Situation)", "Ações & Liderança",
 * "Result (Outcome - 10%)". Returns undefined when the text is not a label.
 * `allowLetter` admits single letters (only inside bold or heading, never in plain text).
 */
export function readLabelWords(raw: string, allowLetter: boolean): LabelWord | undefined {
  // Emoji between the words are decoration: `Situation 📋 (S)` is `Situation (S)`.
  const text = (/\p{Extended_Pictographic}/u.test(raw) ? raw.replace(/[\p{Extended_Pictographic}\uFE0F\u200D]+/gu, ' ').replace(/\s+/g, ' ') : raw).trim();
  const letter = /^([STARL])(?:\s*[(（]\s*([\p{L} ]+?)\s*[)）])?$/u.exec(text);
  if (letter) {
    if (!allowLetter && !letter[2]) return undefined;
    const part = LETTERS[letter[1]!.toLowerCase()]!;
    const named = letter[2] ? matchPhrase(letter[2]) : undefined;
    if (letter[2] && (!named || named.part !== part)) return undefined;
    return { parts: [part], vocabulary: named ? 'letters-named' : 'letters', written: letter[1]! };
  }
  const parts: StarPart[] = [];
  let vocabulary: string | undefined;
  let rest = text;
  let written = '';
  // One or two words joined by "/" (SITUATION/TASK), each a known label word.
  for (;;) {
    const m = matchPhrase(rest);
    if (!m) return undefined;
    if (!parts.includes(m.part)) parts.push(m.part);
    vocabulary ??= m.vocabulary;
    written ||= rest.slice(0, m.length);
    rest = rest.slice(m.length).trimStart();
    if (rest.startsWith('/') && parts.length < 4) {
      rest = rest.slice(1).trimStart();
      continue;
    }
    break;
  }
  // What may follow the words: nothing, a parenthesis, a dash and a short note, "& something".
  if (rest !== '' && !/^(?:\(.*\)|（.*）|[-–—]\s.{0,60}|&\s*[\p{L} ]{1,30})$/u.test(rest)) return undefined;
  return { parts, vocabulary: vocabulary!, written };
}

function matchPhrase(text: string): { part: StarPart; vocabulary: string; length: number } | undefined {
  const m = PHRASE_RE.exec(text);
  if (!m) return undefined;
  const hit = WORD_TO_PART.get(m[0].toLowerCase());
  return hit && { ...hit, length: m[0].length };
}

/** The word to insert for `part`, in the vocabulary and letter case of an existing label. */
export function labelWordFor(part: StarPart, vocabulary: string, likeWritten: string): string {
  if (vocabulary === 'letters') return LETTER_OF[part];
  if (vocabulary === 'letters-named') return `${LETTER_OF[part]} (${VOCABULARIES[0]!.canonical[part]})`;
  const v = VOCABULARIES.find((x) => x.id === vocabulary) ?? VOCABULARIES[0]!;
  const word = v.canonical[part];
  if (likeWritten.length > 1 && likeWritten === likeWritten.toUpperCase()) return word.toUpperCase();
  if (likeWritten === likeWritten.toLowerCase()) return word.toLowerCase();
  return word;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
