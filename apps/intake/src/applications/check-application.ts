import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, earlierAsPrior, MaterialSlotId, PolicyProfile, PolicyProfileRegistry, PriorRecognition, ProductKind, toShanghaiDate } from '@firstset/domain';
import { ApplicationRefDto } from '@firstset/contracts';
import { MessageMeta, SqlExecutor } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Application, Enterprise } from '../generated/prisma/client';
import { IntakeErrors } from '../intake.errors';
import { Db, Tx } from '../prisma';
import { profileOf } from '../policy/application-profile';
import { snapshotOf } from './application-snapshot';
import { correctionOf } from './correction-answers';
import { CheckResult, preSubmissionCheck } from './pre-submission-check';
import { readSubmissionFacts, SubmissionFacts } from './submission-store';

export type PriorRow = Pick<Application, 'id' | 'enterpriseUscc' | 'productKind' | 'series' | 'model' | 'state'>;

/** Recognitions that count under M6.4: intake's own applications that reached recognition. */
export const PRIOR_STATES: string[] = [ApplicationState.RECOGNIZED, ApplicationState.EXPIRED];

export const toPriorRecognition = (r: PriorRow): PriorRecognition => ({
  recognitionId: r.id,
  applicantUscc: r.enterpriseUscc,
  productKind: r.productKind as ProductKind,
  series: r.series,
  model: r.model,
  status: r.state as 'RECOGNIZED' | 'EXPIRED',
});

/** M6.4: intake's recognized applications and the Department's imported ones, but the application's own. */
export function priorsOf(facts: Pick<SubmissionFacts, 'priors' | 'earlier'>, excludeId: string): PriorRecognition[] {
  return [...facts.priors.filter((p) => p.id !== excludeId).map(toPriorRecognition), ...facts.earlier.map(earlierAsPrior)];
}

/**
 * Runs the pre-submission check on an application as it stands now (inside the caller's
 * transaction when given one), on the very reads submitting uses (submission-store.ts).
 */
export async function checkApplication(
  db: SqlExecutor,
  schema: string,
  app: Application & { enterprise: Enterprise },
  now: Date,
  profile: PolicyProfile,
): Promise<CheckResult> {
  const facts = await readSubmissionFacts(db, schema, { usccs: [], batchIds: [], draftIds: [app.id], materialIds: [], products: [], newApplications: 0, priors: true });
  return preSubmissionCheck({
    snapshot: snapshotOf(app),
    applicationDate: toShanghaiDate(now),
    enterprise: { uscc: app.enterpriseUscc, addressDivisionCode: app.enterprise.addressDivisionCode },
    priors: priorsOf(facts, app.id),
    attachedSlots: [...new Set(facts.files.filter((f) => f.applicationId === app.id).map((f) => f.slotId as MaterialSlotId))],
    correction: app.state === ApplicationState.RETURNED_FOR_CORRECTION ? correctionOf(app.correction) : null,
    profile,
  });
}

/** Refuses a (re)submission while the pre-submission check finds blocking problems (M5, M6, M7.4). */
export async function assertNoBlockingProblems(
  tx: Tx,
  schema: string,
  app: Application & { enterprise: Enterprise },
  now: Date,
  profile: PolicyProfile,
): Promise<CheckResult> {
  const check = await checkApplication(tx, schema, app, now, profile);
  if (!check.canSubmit) throw IntakeErrors.blockingProblems(check.problems.filter((p) => p.severity === 'blocking'));
  return check;
}

/** The query behind "check before submitting": the enterprise's own application only. */
@Injectable()
export class CheckApplication {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(input: ApplicationRefDto, meta: MessageMeta): Promise<CheckResult> {
    const actor = requireActor(meta, ['enterprise']);
    const app = await this.db.application.findFirst({
      where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! },
      include: { enterprise: true },
    });
    if (!app) throw notFound('application');
    return checkApplication(this.db, this.config.dbSchema, app, this.clock.now(), profileOf(this.profiles, app));
  }
}
