/**
 * Value-based redaction of personal data in log lines (ADR 0037): whatever field or message carries
 * them, Chinese mobile numbers, landlines, resident ID numbers and e-mail addresses become
 * `[redacted]`. Applied to each finished JSON line, so serializers' output (a request's URL, an
 * error's stack) is covered too. Every quantifier is bounded: a hostile line costs linear time.
 */

/** Not preceded by a letter or digit, except the letter of a JSON escape (`\n13912345678`). */
const START = String.raw`(?:(?<![0-9A-Za-z])|(?<=\\[nrtbf])|(?<=\\u[0-9A-Fa-f]{4}))`;
const END = String.raw`(?![0-9A-Za-z])`;
/** Optional country code: +86, 0086, 86, with a separator or none. */
const CC = String.raw`(?:(?:\+|00)?86[-\s]?)?`;
const SEP = String.raw`[-\s]?`;

const MOBILE = String.raw`${CC}1[3-9]\d${SEP}\d{4}${SEP}\d{4}`;
/**
 * Area code (0 + 2–3 digits, in brackets or not; after +86 the 0 may be left out), a 7–8 digit
 * number, an optional extension. Without the 0 or +86 a number-dash-number is not taken for one.
 */
const AREA = String.raw`(?:(?:\+|00)?86[-\s]?\(?0?[1-9]\d{1,2}\)?|\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2})`;
const LANDLINE = String.raw`${AREA}${SEP}[1-9]\d{2,3}${SEP}\d{4}(?:${SEP}(?:转|ext\.?|x|#)${SEP}\d{1,6})?`;
/** The 18-character resident identity number. */
const ID_NUMBER = String.raw`[1-9]\d{16}[\dXx]`;
const EMAIL = String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}(?:@|%40|＠|\\u0040)(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}${END}`;

const PHONES_AND_IDS = new RegExp(`${START}(?:${MOBILE}|${LANDLINE}|${ID_NUMBER})${END}`, 'g');
const EMAILS = new RegExp(EMAIL, 'g');

export const REDACTED = '[redacted]';

/** The text with every phone number, ID number and e-mail address replaced. */
export function redactText(text: string): string {
  let out = text;
  // Most lines carry none: a test is cheaper than a replace that builds a new string.
  PHONES_AND_IDS.lastIndex = 0;
  if (PHONES_AND_IDS.test(out)) {
    PHONES_AND_IDS.lastIndex = 0;
    out = out.replace(PHONES_AND_IDS, REDACTED);
  }
  // The e-mail pattern costs most (it tries every word): only where an at sign can be.
  if (out.includes('@') || out.includes('%40') || out.includes('＠') || out.includes('\\u0040')) {
    EMAILS.lastIndex = 0;
    out = out.replace(EMAILS, REDACTED);
  }
  return out;
}
