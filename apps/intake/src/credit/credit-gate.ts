import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ServiceError } from '@firstset/messaging';
import { Clock, PRISMA } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { CreditCheckPort, CreditStatus } from './credit-check.port';

/** The refusal a credit answer calls for (M5.1, M7.4(2)), or undefined when it allows applying. */
export const creditRefusal = (status: CreditStatus): ServiceError | undefined =>
  !status.seriousDishonesty && !status.abnormalOperations
    ? undefined
    : refusal(status);

const refusal = (status: CreditStatus) =>
  status.seriousDishonesty
    ? new ServiceError(
        'APPLICANT_SERIOUSLY_DISHONEST',
        403,
        '申请单位被列入严重失信主体名单，不能申报 / The applicant is on the serious-dishonesty list and cannot apply',
        `M5.1, M7.4(2): reported by ${status.source}`,
      )
    : new ServiceError(
        'APPLICANT_ABNORMAL_OPERATIONS',
        422,
        '申请单位被列入经营异常名录，请移出后再申报 / The applicant is on the abnormal-operations list; apply once removed',
        `M5.1 (operating normally): reported by ${status.source}`,
      );

/**
 * At submission: asks the credit source and keeps its answer with source and time. A clean or
 * unknown answer is recorded in the submission's transaction; a refusal is recorded on its own,
 * so that it survives the refused submission's rollback.
 */
@Injectable()
export class CreditGate {
  constructor(
    private readonly port: CreditCheckPort,
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Asks the credit source; call before the transaction, so a slow platform holds no connection. */
  async ask(uscc: string | undefined): Promise<CreditStatus> {
    // An account without an enterprise finds no application anyway: no need to ask anyone.
    if (!uscc) return { source: 'none', seriousDishonesty: null, abnormalOperations: null, detail: {} };
    return this.port.check(uscc);
  }

  /** Keeps the answer with source and time; refuses when it calls for it (the refusal's record survives the rollback). */
  async assertCreditworthy(tx: Tx, status: CreditStatus, uscc: string, applicationId: string): Promise<CreditStatus> {
    const row = {
      id: randomUUID(),
      uscc,
      applicationId,
      source: status.source,
      seriousDishonesty: status.seriousDishonesty,
      abnormalOperations: status.abnormalOperations,
      detail: status.detail as Prisma.InputJsonValue,
      checkedAt: this.clock.now(),
    };
    const refused = creditRefusal(status);
    if (refused) {
      await this.db.creditCheck.create({ data: row });
      throw refused;
    }
    await tx.creditCheck.create({ data: row });
    return status;
  }
}
