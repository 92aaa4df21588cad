import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';
import { Db } from '../prisma';

export interface AccountSeed {
  username: string;
  displayName: string;
  role: string;
  password: string;
  prefectureId?: string;
  enterpriseUscc?: string;
  institutionId?: string;
  expertId?: string;
  enterpriseAdmin?: boolean;
  /** The first sign-in must choose a new password (as for accounts created by someone else). */
  mustChangePassword?: boolean;
}

/**
 * Creates the accounts that do not exist yet (demo data, test fixtures); never changes existing ones.
 * Seeds obey the password policy too: a weak seed password stops the seed.
 */
export async function seedAccounts(db: Db, accounts: AccountSeed[]): Promise<number> {
  for (const a of accounts) {
    const problems = passwordProblems(a.password, a.username);
    if (problems.length) throw new Error(`seed account ${a.username}: the password ${problems.join('; ')}`);
  }
  let created = 0;
  for (const a of accounts) {
    const exists = await db.account.findUnique({ where: { username: a.username } });
    if (exists) continue;
    await db.account.create({
      data: {
        id: randomUUID(),
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        passwordHash: await hashPassword(a.password),
        prefectureId: a.prefectureId ?? null,
        enterpriseUscc: a.enterpriseUscc ?? null,
        institutionId: a.institutionId ?? null,
        expertId: a.expertId ?? null,
        enterpriseAdmin: a.enterpriseAdmin === true && a.role === 'enterprise',
        mustChangePassword: a.mustChangePassword === true,
      },
    });
    created++;
  }
  return created;
}
