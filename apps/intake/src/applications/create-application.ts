import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, parseLocalDate } from '@firstset/domain';
import { CreateApplicationV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, domainRule, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { PgCommands } from '../pg-commands';
import { organisationFor } from './actor-organisation';
import { ApplicationView, toApplicationView } from './application-view';
import { insertDraft } from './draft-store';
import { refusalToApply } from './submission-judge';
import { readSubmissionFacts } from './submission-store';

/** PostgreSQL's unique violation: the product is already applied for in the batch (a concurrent create). */
const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505';

/**
 * An enterprise starts an application (a draft) in an open batch (M7.1), unless banned (M10.2),
 * one per product per batch. The same reads and the same refusals as submitting
 * (submission-store.ts, `refusalToApply`); one statement writes the draft and its first step.
 */
@Injectable()
export class CreateApplication {
  constructor(
    private readonly commands: PgCommands,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(input: CreateApplicationV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    const uscc = actor.enterpriseUscc!;
    const id = randomUUID();
    try {
      return await this.commands.run(meta, { action: 'application.create', objectType: 'application', objectId: id }, async (tx) => {
        const now = this.clock.now();
        domainRule(() => parseLocalDate(input.rdCompletedOn, 'rdCompletedOn'));
        // The number's serial comes from one global sequence, formatted per batch year and
        // prefecture: nextval() takes no lock and is never rolled back, so concurrent creates do not
        // serialise, at the price of gaps (numbers stay unique: applications.application_no is).
        const facts = await readSubmissionFacts(tx, this.config.dbSchema, {
          usccs: [uscc],
          batchIds: [input.batchId],
          draftIds: [],
          materialIds: [],
          products: [{ b: input.batchId, u: uscc, s: input.series, m: input.model }],
          newApplications: 1,
          priors: false,
        });
        const refused = refusalToApply(facts, input.batchId, uscc, now);
        if (refused) throw refused;
        if (facts.taken.length) throw IntakeErrors.duplicateProduct();
        const [enterprise] = facts.enterprises;
        const [batch] = facts.batches;
        const app = await insertDraft(
          tx,
          this.config.dbSchema,
          {
            id,
            applicationNo: `${batch.year}-${enterprise.prefectureId}-${facts.serials[0].padStart(5, '0')}`,
            batchId: batch.id,
            enterpriseUscc: uscc,
            prefectureId: enterprise.prefectureId,
            productKind: input.productKind,
            productName: input.productName,
            series: input.series,
            model: input.model,
            rdCompletedOn: input.rdCompletedOn,
            state: ApplicationState.DRAFT,
            createdAt: now,
            updatedAt: now,
            policyProfileId: batch.policyProfileId,
            policyProfileVersion: batch.policyProfileVersion,
          },
          {
            id: randomUUID(),
            application_id: id,
            from_state: null,
            to_state: ApplicationState.DRAFT,
            action: 'create',
            actor_role: actor.role,
            actor_id: actor.userId,
            actor_name: actor.displayName ?? null,
            actor_org: organisationFor(actor, enterprise.name),
            occurred_at: now,
          },
        );
        return { result: toApplicationView(app) };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw IntakeErrors.duplicateProduct();
      throw err;
    }
  }
}
