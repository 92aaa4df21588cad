import { Logger } from '@nestjs/common';
import { CreditCheckPort, CreditStatus } from './credit-check.port';

export interface CreditPlatformSettings {
  /** The platform's batch-check endpoint, e.g. `https://credit.example.gov.cn/api/batch-check`. */
  url: string;
  /** The key the platform issued to the Department (sent as `Authorization: Bearer <key>`). */
  key: string;
  timeoutMs: number;
}

/**
 * What the adapter sends and expects (the batch-check interfaces of provincial credit platforms
 * differ in names, not in substance; a deployment maps its platform onto this in a small proxy or
 * by changing `parse` below):
 *
 *   POST <url>   { "codes": ["91150200MA0N4KXX4C", …] }
 *   200          { "results": [ { "code": "…", "seriousDishonesty": false, "abnormalOperations": false,
 *                                 "reference": "platform's record id", "checkedAt": "ISO time" } ] }
 */
interface PlatformResult {
  code: string;
  seriousDishonesty: boolean;
  abnormalOperations: boolean;
  reference?: string;
  checkedAt?: string;
}

/**
 * M5.1, M7.4(2) over a credit platform's batch-check interface: one HTTP call per batch of
 * submissions. When the platform cannot answer (down, slow, refusing the key, answering nonsense)
 * the submission is not held up: the answer is "unknown" with the reason, and the prefecture
 * verifies the uploaded special credit report instead, as without an interface.
 */
export class CreditPlatformAdapter extends CreditCheckPort {
  private readonly logger = new Logger('CreditPlatform');

  constructor(private readonly settings: CreditPlatformSettings) {
    super();
  }

  async check(uscc: string): Promise<CreditStatus> {
    return (await this.checkMany([uscc])).get(uscc)!;
  }

  override async checkMany(usccs: string[]): Promise<Map<string, CreditStatus>> {
    const codes = [...new Set(usccs)];
    try {
      const res = await fetch(this.settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.settings.key}` },
        body: JSON.stringify({ codes }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const found = parse(await res.json(), codes);
      return new Map(codes.map((c) => [c, found.get(c) ?? unknown(`no result for ${c}`)]));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn(`credit platform did not answer (${reason}); the prefecture verifies the special credit reports`);
      return new Map(codes.map((c) => [c, unknown(reason)]));
    }
  }
}

function parse(body: unknown, codes: string[]): Map<string, CreditStatus> {
  const results = (body as { results?: unknown })?.results;
  if (!Array.isArray(results)) throw new Error('answer without a results list');
  const asked = new Set(codes);
  const out = new Map<string, CreditStatus>();
  for (const r of results as PlatformResult[]) {
    if (!r || typeof r.code !== 'string' || !asked.has(r.code)) continue;
    if (typeof r.seriousDishonesty !== 'boolean' || typeof r.abnormalOperations !== 'boolean') continue;
    out.set(r.code, {
      source: 'credit-platform',
      seriousDishonesty: r.seriousDishonesty,
      abnormalOperations: r.abnormalOperations,
      detail: { ...(typeof r.reference === 'string' && { reference: r.reference.slice(0, 200) }), ...(typeof r.checkedAt === 'string' && { platformCheckedAt: r.checkedAt.slice(0, 40) }) },
    });
  }
  return out;
}

/** The platform could not tell: the special credit report uploaded with the application is the evidence. */
const unknown = (reason: string): CreditStatus => ({
  source: 'credit-platform',
  seriousDishonesty: null,
  abnormalOperations: null,
  detail: { unavailable: reason.slice(0, 300), verifiedBy: 'prefecture', slotId: 'creditReport' },
});
