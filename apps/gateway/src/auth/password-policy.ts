import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError, type FieldError } from '@firstset/messaging';

/**
 * The password policy of every built-in account (enterprise users, officials, seeds; issue 14):
 * - 8–128 characters with at least three of lower case, upper case, digits and other characters
 *   (the usual reading of 等保 2.0 level 3's 身份鉴别 "口令复杂度"), or a passphrase of 16 or more
 *   with at least two (words and spaces: `correct horse battery staple`);
 * - not one of the 10,000 most common passwords (NIST SP 800-63B §5.1.1.2: a blocklist), compared
 *   case-insensitively (data/common-passwords.txt, source cited in data/README.md);
 * - not containing the username.
 * `Demo#2026`, the demo password, passes.
 */
export const PASSWORD_MIN = 8;
export const PASSPHRASE_MIN = 16;
export const PASSWORD_MAX = 128;

// src/auth or dist/auth → the package's data folder.
const LIST_FILE = join(__dirname, '..', '..', 'data', 'common-passwords.txt');
let common: Set<string> | undefined;
const commonPasswords = () =>
  (common ??= new Set(readFileSync(LIST_FILE, 'utf8').split('\n').filter(Boolean)));

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** What is wrong with the password, in words (Chinese first); empty when it passes. */
export function passwordProblems(password: string, username: string): string[] {
  const p = password.normalize('NFKC');
  const problems: string[] = [];
  const length = [...p].length;
  if (length > PASSWORD_MAX) problems.push(`不能超过 ${PASSWORD_MAX} 个字符 / must be at most ${PASSWORD_MAX} characters`);
  const classes = CLASSES.filter((c) => c.test(p)).length;
  const passphrase = length >= PASSPHRASE_MIN && classes >= 2;
  if (!passphrase && (length < PASSWORD_MIN || classes < 3)) {
    problems.push(
      `须至少 ${PASSWORD_MIN} 位且包含大写字母、小写字母、数字、其他字符中的三种，或为至少 ${PASSPHRASE_MIN} 位、含两种字符的短语 / ` +
        `must be at least ${PASSWORD_MIN} characters with three of upper case, lower case, digits and other characters, or a passphrase of at least ${PASSPHRASE_MIN} with two of them`,
    );
  }
  if (commonPasswords().has(p.toLowerCase())) problems.push('是常见密码，容易被猜中 / is a common password, easy to guess');
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && p.toLowerCase().includes(name)) problems.push('不能包含用户名 / must not contain the username');
  return problems;
}

/** Throws 400 VALIDATION_FAILED naming the field when the password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  const errors: FieldError[] = problems.map((message) => ({ field, message, rule: 'passwordPolicy' }));
  throw new ServiceError('VALIDATION_FAILED', 400, '请求内容有误 / The request is invalid', `${field} breaks the password policy`, errors);
}
