import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ObjectionDetailV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { AskObjectionPartyV1, ObjectionInquiryAsked } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { ObjectionErrors } from './objections.errors';
import { objectionForChange, saveObjection } from './objection-case';
import { ObjectionRow, toDetail } from './objection-view';

/** Who answers: the entry's own prefecture or enterprise; an institution the Department names. */
function partyRefOf(o: ObjectionRow, input: AskObjectionPartyV1): string {
  if (input.party === 'prefecture') return o.entry.candidate.prefectureId;
  if (input.party === 'enterprise') return o.entry.candidate.uscc;
  if (!input.partyRef) throw ObjectionErrors.partyRefRequired();
  return input.partyRef;
}

/** During an investigation the Department puts a question to a party, with a due date (ADR 0025). */
@Injectable()
export class AskObjectionParty {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: AskObjectionPartyV1, meta: MessageMeta): Promise<ObjectionDetailV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'objection.ask', objectType: 'objection', objectId: input.objectionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      if (input.dueOn < today) throw ObjectionErrors.dueInPast(today);
      const o = await objectionForChange(tx, input.objectionId, input.expectedVersion, 'under_investigation');
      const partyRef = partyRefOf(o, input);
      const id = randomUUID();
      await tx.objectionInquiry.create({
        data: { id, objectionId: o.id, party: input.party, partyRef, question: input.question, dueOn: input.dueOn, askedBy: actor.userId, askedAt: now },
      });
      const saved = await saveObjection(tx, o, {});
      await this.outbox.append(
        tx,
        ObjectionInquiryAsked,
        {
          inquiryId: id,
          objectionId: o.id,
          applicationId: o.entry.applicationId,
          applicationNo: o.entry.candidate.applicationNo,
          party: input.party,
          partyRef,
          question: input.question,
          dueOn: input.dueOn,
          askedAt: now.toISOString(),
        },
        meta,
      );
      return { result: toDetail(saved), detail: { inquiryId: id, party: input.party, partyRef, dueOn: input.dueOn } };
    });
  }
}
