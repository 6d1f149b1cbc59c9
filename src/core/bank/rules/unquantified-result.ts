// `unquantified-result`: the Result has no number. A result with a figure (a percentage, money, a
// time, "3×", "from 40 to 5 minutes", "doubled") is remembered; "it went well" is not.

import { countWords, wordsAtMost } from '../speech.js';
import { finding, partText, rawPartText, type CoachContext, type CoachRule } from './rule.js';

const DIGIT_OR_SIGN = /[\p{N}%％‰\p{Sc}×✕]/u;
const FROM_TO = /\b(?:from\b.{1,80}?\bto|von\b.{1,80}?\b(?:auf|zu))\b/isu;
// Number words and words of time or scale, lower case, per language.
const NUMBER_WORDS = new Set([
  // en
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'dozen', 'dozens', 'half', 'halved', 'double', 'doubled', 'triple', 'tripled', 'quadrupled', 'twice', 'percent',
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years', 'sprint', 'sprints', 'overnight',
  // de
  'zwei', 'drei', 'vier', 'fünf', 'zehn', 'zwanzig', 'hundert', 'tausend', 'millionen', 'doppelt', 'verdoppelt', 'halbiert', 'prozent', 'stunden', 'tage', 'tagen', 'woche', 'wochen', 'monat', 'monate', 'monaten', 'jahr', 'jahre', 'jahren', 'minuten',
  // es, pt, it
  'dos', 'tres', 'cuatro', 'cinco', 'diez', 'cien', 'mil', 'millón', 'millones', 'doble', 'mitad', 'ciento', 'horas', 'días', 'semana', 'semanas', 'mes', 'meses', 'año', 'años', 'minutos',
  'dois', 'duas', 'três', 'quatro', 'dez', 'cem', 'milhão', 'milhões', 'dobro', 'metade', 'dias', 'mês', 'ano', 'anos',
  'due', 'tre', 'quattro', 'cinque', 'dieci', 'cento', 'mille', 'milioni', 'doppio', 'metà', 'ore', 'giorni', 'settimana', 'settimane', 'mese', 'mesi', 'anno', 'anni', 'minuti',
  // fr
  'deux', 'trois', 'quatre', 'cinq', 'dix', 'cent', 'millions', 'moitié', 'heures', 'jours', 'semaine', 'semaines', 'mois', 'ans', 'années',
  // nl
  'twee', 'drie', 'vier', 'vijf', 'tien', 'honderd', 'duizend', 'miljoen', 'dubbel', 'helft', 'procent', 'uur', 'dagen', 'weken', 'maanden', 'jaar',
  // ru
  'два', 'две', 'три', 'четыре', 'пять', 'десять', 'сто', 'тысяча', 'тысячи', 'тысяч', 'миллион', 'вдвое', 'втрое', 'процент', 'процентов', 'раза', 'раз', 'час', 'часа', 'часов', 'день', 'дня', 'дней', 'неделю', 'недели', 'недель', 'месяц', 'месяца', 'месяцев', 'год', 'года', 'лет', 'минут',
]);
// Chinese and Japanese numerals and units, Korean units: found inside the text.
const CJK_NUMBERS = /[一二三四五六七八九十百千万萬亿億两兩半倍]|小时|小時|分钟|時間|か月|ヶ月|週間|퍼센트|시간|개월|배로|만원/u;

/** Whether a text says how much: a digit, a sign, a number word, a unit of time, "from … to". */
export function isQuantified(text: string): boolean {
  if (DIGIT_OR_SIGN.test(text) || FROM_TO.test(text) || CJK_NUMBERS.test(text)) return true;
  for (const m of text.matchAll(/\p{L}+/gu)) if (NUMBER_WORDS.has(m[0].toLowerCase())) return true;
  return false;
}

/** Whether the reader found content in the Result (not only placeholders); true when it does not say. */
const hasWrittenResult = (context: CoachContext) => context.story.sections.some((s) => s.part === 'result' && s.hasContent !== false);

/** `[Write here — what changed?]`: a template's blank, not a result. */
const withoutBlanks = (text: string) => text.replace(/\[\p{Lu}[^\]\n]{0,100}\]/gu, ' ');

/** Results this short are a note to finish (`missing` rules' business), not a result to coach. */
const MIN_RESULT_WORDS = 3;

export const unquantifiedResult: CoachRule = {
  id: 'unquantified-result',
  severity: 'hint',
  enabledByDefault: true,
  doc: 'The Result has no number: no figure, percentage, money, time, "×" or "from … to". Say how much changed.',
  check(context) {
    // Cheap looks first: a Result left empty, or too short even in its raw Markdown, is not parsed.
    if (!hasWrittenResult(context)) return [];
    const raw = rawPartText(context, 'result') ?? '';
    if (wordsAtMost(withoutBlanks(raw)) < MIN_RESULT_WORDS) return [];
    const result = partText(context, 'result');
    if (!result || !hasWrittenResult(context) || countWords(withoutBlanks(result.text)) < MIN_RESULT_WORDS || isQuantified(result.text)) return [];
    return [finding(this, this.severity, 'The Result has no number: say how much changed (a figure, a percentage, time saved, from … to …).', result.label)];
  },
};
