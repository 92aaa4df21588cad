/** The applicant's status on the serious-dishonesty and abnormal-operations lists (M5.1, M7.4(2)). */
export interface CreditStatus {
  /** Which source answered: `simulator`, `credit-platform`, or `special_credit_report` (checked by the prefecture). */
  source: string;
  /** null: the source cannot tell; the prefecture verifies the uploaded special credit report. */
  seriousDishonesty: boolean | null;
  abnormalOperations: boolean | null;
  detail: Record<string, unknown>;
}

/**
 * Credit checks behind a port: a simulator for development and tests, the uploaded special credit
 * report (the default, since most deployments start without an interface), and an HTTP adapter for
 * a credit platform's batch-check interface (`credit-platform.adapter.ts`).
 */
export abstract class CreditCheckPort {
  abstract check(uscc: string): Promise<CreditStatus>;

  /** Several applicants at once (a batch of submissions); a platform's batch interface overrides it. */
  async checkMany(usccs: string[]): Promise<Map<string, CreditStatus>> {
    const answers = await Promise.all(usccs.map((u) => this.check(u)));
    return new Map(usccs.map((u, i) => [u, answers[i]]));
  }
}

/** Default: no interface; the evidence is the special credit report the applicant uploads (M7.4(2)). */
export class CreditReportEvidence extends CreditCheckPort {
  async check(): Promise<CreditStatus> {
    return {
      source: 'special_credit_report',
      seriousDishonesty: null,
      abnormalOperations: null,
      detail: { verifiedBy: 'prefecture', slotId: 'creditReport' },
    };
  }
}

export type SimulatedCreditRecords = Record<string, { seriousDishonesty?: boolean; abnormalOperations?: boolean }>;

/** Development and tests: answers from a table keyed by credit code; unknown codes are clean. */
export class SimulatedCreditCheck extends CreditCheckPort {
  constructor(private readonly records: SimulatedCreditRecords) {
    super();
  }

  async check(uscc: string): Promise<CreditStatus> {
    const r = this.records[uscc] ?? {};
    return {
      source: 'simulator',
      seriousDishonesty: r.seriousDishonesty ?? false,
      abnormalOperations: r.abnormalOperations ?? false,
      detail: {},
    };
  }
}
