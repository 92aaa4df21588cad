import { assertPasswordPolicy, passwordProblems } from './password-policy';

describe('password policy (issue 14; 等保 2.0 身份鉴别)', () => {
  it.each([
    ['Demo#2026', 'dept.admin'],
    ['Test#Pass-2026', 'boss'],
    ['Staff2026pass', 'new.staff'],
    ['correct horse battery staple', 'clerk'],
  ])('accepts %s', (password, username) => {
    expect(passwordProblems(password, username)).toEqual([]);
  });

  it.each([
    ['password123', 'clerk', '常见密码|three of'],
    ['Password123', 'clerk', '常见密码'],
    ['P@ssw0rd', 'clerk', '常见密码'],
    ['Ab1!', 'clerk', 'at least 8'],
    ['lowercaseonly', 'clerk', 'at least 8'],
    ['onlyletterspassword', 'clerk', 'passphrase'],
    ['Clerk#2026x', 'clerk', 'username'],
    ['x'.repeat(64) + 'Aa1!'.repeat(20), 'clerk', 'at most 128'],
  ])('refuses %s', (password, username, why) => {
    const problems = passwordProblems(password, username);
    expect(problems.join(' ')).toMatch(new RegExp(why));
  });

  it('answers a refusal as 400 with the field named', () => {
    expect(() => assertPasswordPolicy('password123', 'x', 'newPassword')).toThrow(expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }));
    try {
      assertPasswordPolicy('password123', 'x', 'newPassword');
    } catch (e) {
      expect((e as { errors: Array<{ field: string }> }).errors.every((f) => f.field === 'newPassword')).toBe(true);
    }
  });
});
