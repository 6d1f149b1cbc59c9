// Stories without labels: a story bank written as prose under behavioural-question headings
// ("Tell me about a time…", "Describe a situation…", "Time you failed") or competency names
// ("Team conflict", "Ownership"), in the supported languages. Such a file is notes only on strong
// evidence: two such headings or more, each followed by a narrative (structure.ts decides).

/** The start of a behavioural question (exported for cannot-be-notes.ts, which scans for titles without parsing). */
export const QUESTION_START =
  /^(?:tell (?:me|us) about|describe|give (?:me |us )?an? example|(?:a |the )?(?:time|situation) (?:when |that |where )?(?:you|i)\b|have you ever|share an? |walk (?:me|us) through a time|talk about a time|how did you (?:handle|deal)|what did you do when|erzählen sie|beschreiben sie|nennen sie ein beispiel|cuéntame|cuéntanos|describa|describe una|décrivez|racontez|parlez-moi|conte[- ]me|descreva|fale sobre|raccontami|descrivi|vertel over|beschrijf|请描述|請描述|请讲|請講|说一个|說一個|举一个|舉一個|教えてください|について教えて|경험을|사례를|расскажите|опишите|приведите пример)/iu;
/** A competency named anywhere in a short title. */
export const COMPETENCY =
  /(?:conflict|failure|failed|mistake|disagree|leadership|ownership|low performer|under-?performer|deadline|pressure|difficult|teamwork|feedback|initiative|influence|persuad|customer obsession|bias for action|dive deep|frugality|earn(?:ed)? trust|deliver results|invent and simplify|ambiguity|prioriti[sz]|trade-?off|konflikt|fehler|führung|conflicto|liderazgo|conflit|échec|conflito|liderança|conflitto|冲突|衝突|失败|失敗|领导|領導|リーダーシップ|갈등|실패|리더십|конфликт|ошибк|лидерств)/iu;
export const NUMBERING = /^(?:\d{1,3}[.)]\s*|Q\d{0,3}\s*[.:)]\s*)/iu;

/** A title that names a competency has at most this many words. */
export const COMPETENCY_TITLE_WORDS = 6;

/** `Tell me about a time you failed`, `3. Time you disagreed with your manager?`, `Team Conflict`. */
export function isBehaviouralTitle(title: string): boolean {
  const t = title.replace(NUMBERING, '').trim();
  if (QUESTION_START.test(t)) return true;
  return t.split(/\s+/).length <= COMPETENCY_TITLE_WORDS && COMPETENCY.test(t);
}

const FIRST_PERSON = /(?:^|[^\p{L}])(?:i|we|my|our|ich|wir|mein|yo|nosotros|mi|je|nous|mon|eu|nós|meu|io|noi|ik|wij|mijn|я|мы|мой)(?![\p{L}])|[我私나저]/iu;
const MIN_WORDS = 20;

/** A paragraph that tells something: twenty words or more (or 40 CJK characters), in the first person. */
export function isNarrative(text: string): boolean {
  if (!FIRST_PERSON.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= MIN_WORDS || (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0) >= 40;
}
