import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, parseLocalDate, toShanghaiDate } from '@firstset/domain';
import { CreateApplicationV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import {
  Clock,
  CommandRunner,
  domainRule,
  requireActor,
  SERVICE_CONFIG,
  ServiceConfig,
} from '@firstset/service-kit';
import { assertNotBanned } from '../bans/active-ban';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { openBatchOrThrow } from './batch-window';
import { ApplicationView, toApplicationView } from './application-view';

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

/** An enterprise starts an application (a draft) in an open batch. */
@Injectable()
export class CreateApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.sequence = `"${config.dbSchema}".application_no_seq`;
  }

  /** Schema-qualified: the Prisma adapter names the schema in its own queries, not in raw ones. */
  private readonly sequence: string;

  async execute(input: CreateApplicationV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    const id = randomUUID();
    try {
      return await this.commands.run(
        meta,
        { action: 'application.create', objectType: 'application', objectId: id },
        async (tx) => {
          const now = this.clock.now();
          domainRule(() => parseLocalDate(input.rdCompletedOn, 'rdCompletedOn'));
          const enterprise = await tx.enterprise.findUnique({ where: { uscc: actor.enterpriseUscc! } });
          if (!enterprise) throw IntakeErrors.enterpriseNotRegistered();
          await assertNotBanned(tx, enterprise.uscc, toShanghaiDate(now));
          const batch = await openBatchOrThrow(tx, input.batchId, now);
          // The number's serial comes from one global sequence, formatted per batch year and
          // prefecture. nextval() takes no lock and is never rolled back, so concurrent creates in a
          // batch do not serialise (as they did on the batch row held to commit) — at the price of
          // gaps: a refused or rolled-back create uses up its serial, and serials are not per batch.
          // Numbers stay unique (the serial alone is; applications.application_no has a unique index).
          const [{ serial }] = await tx.$queryRawUnsafe<{ serial: string }[]>(
            'SELECT nextval($1::regclass)::text AS serial',
            this.sequence,
          );
          const application = await tx.application.create({
            data: {
              id,
              applicationNo: `${batch.year}-${enterprise.prefectureId}-${serial.padStart(5, '0')}`,
              batchId: batch.id,
              enterpriseUscc: enterprise.uscc,
              prefectureId: enterprise.prefectureId,
              productKind: input.productKind,
              productName: input.productName,
              series: input.series,
              model: input.model,
              rdCompletedOn: input.rdCompletedOn,
              state: ApplicationState.DRAFT,
              policyProfileId: batch.policyProfileId,
              policyProfileVersion: batch.policyProfileVersion,
            },
          });
          await appendHistory(tx, {
            applicationId: id,
            fromState: null,
            toState: ApplicationState.DRAFT,
            action: 'create',
            actorRole: actor.role,
            actor,
            occurredAt: now,
          });
          return { result: toApplicationView(application) };
        },
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw IntakeErrors.duplicateProduct();
      throw err;
    }
  }
}
