import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, MaterialSlotId, PolicyProfile, PolicyProfileRegistry, PriorRecognition, ProductKind, toShanghaiDate } from '@firstset/domain';
import { ApplicationRefDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Application, Enterprise } from '../generated/prisma/client';
import { IntakeErrors } from '../intake.errors';
import { Db, Tx } from '../prisma';
import { profileOf } from '../policy/application-profile';
import { earlierPriors } from '../earlier-recognitions/import-earlier-recognitions';
import { snapshotOf } from './application-snapshot';
import { correctionOf } from './correction-answers';
import { CheckResult, preSubmissionCheck } from './pre-submission-check';

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

async function priorRecognitions(db: Tx | Db, excludeId: string): Promise<PriorRecognition[]> {
  const rows = await db.application.findMany({
    where: { state: { in: PRIOR_STATES }, id: { not: excludeId } },
    select: { id: true, enterpriseUscc: true, productKind: true, series: true, model: true, state: true },
  });
  // M6.4: with the recognitions the Department imported from before the platform.
  return [...rows.map(toPriorRecognition), ...(await earlierPriors(db))];
}

/** Runs the pre-submission check on an application as it stands now (inside the caller's transaction). */
export async function checkApplication(
  db: Tx | Db,
  app: Application & { enterprise: Enterprise },
  now: Date,
  profile: PolicyProfile,
): Promise<CheckResult> {
  const attached = await db.material.findMany({ where: { applicationId: app.id, removedAt: null }, select: { slotId: true }, distinct: ['slotId'] });
  return preSubmissionCheck({
    snapshot: snapshotOf(app),
    applicationDate: toShanghaiDate(now),
    enterprise: { uscc: app.enterpriseUscc, addressDivisionCode: app.enterprise.addressDivisionCode },
    priors: await priorRecognitions(db, app.id),
    attachedSlots: attached.map((m) => m.slotId as MaterialSlotId),
    correction: app.state === ApplicationState.RETURNED_FOR_CORRECTION ? correctionOf(app.correction) : null,
    profile,
  });
}

/** Refuses a (re)submission while the pre-submission check finds blocking problems (M5, M6, M7.4). */
export async function assertNoBlockingProblems(
  tx: Tx,
  app: Application & { enterprise: Enterprise },
  now: Date,
  profile: PolicyProfile,
): Promise<CheckResult> {
  const check = await checkApplication(tx, app, now, profile);
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
  ) {}

  async execute(input: ApplicationRefDto, meta: MessageMeta): Promise<CheckResult> {
    const actor = requireActor(meta, ['enterprise']);
    const app = await this.db.application.findFirst({
      where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! },
      include: { enterprise: true },
    });
    if (!app) throw notFound('application');
    return checkApplication(this.db, app, this.clock.now(), profileOf(this.profiles, app));
  }
}
