import type { RevocationViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, applicantBan, PolicyProfileRegistry, transition } from '@firstset/domain';
import { ApplicantBanImposed, RecognitionRevoked, RevokeRecognitionV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { decisionDateOf } from '../decision-date';
import { Tx } from '../prisma';

export type RevocationView = RevocationViewV1;

/**
 * M10.2: a recognition obtained by improper means is revoked (also after it expired), and the
 * applicant may not apply again for the profile's years from the decision date. The revocation,
 * the ban and both events commit together or not at all.
 */
@Injectable()
export class RevokeRecognition {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: RevokeRecognitionV1, meta: MessageMeta): Promise<RevocationView> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'recognition.revoke', objectType: 'recognition', objectId: input.recognitionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const rec = await tx.recognition.findUnique({ where: { id: input.recognitionId } });
      if (!rec) throw ComplianceErrors.recognitionNotFound();
      const decisionDate = decisionDateOf(input.decisionDate, now);
      if (decisionDate < rec.documentDate) throw ComplianceErrors.decisionBeforeRecognition(decisionDate, rec.documentDate);
      const { to } = domainRule(() =>
        transition(rec.state as ApplicationState, ApplicationAction.revoke, 'department_officer', {
          reason: input.reason,
          // The Department's decision on IMPROPER_MEANS grounds (the only ground the contract admits)
          // is what establishes the fact; its reason is recorded with the revocation.
          facts: { improperMeansEstablished: input.grounds === 'IMPROPER_MEANS' },
        }),
      );
      const { count } = await tx.recognition.updateMany({ where: { id: rec.id, state: rec.state }, data: { state: to } });
      if (count !== 1) throw ComplianceErrors.concurrentChange();
      const revocationId = randomUUID();
      await tx.revocation.create({
        data: {
          id: revocationId,
          recognitionId: rec.id,
          applicationId: rec.applicationId,
          uscc: rec.uscc,
          grounds: input.grounds,
          reason: input.reason,
          decisionDate,
          decidedBy: actor.userId,
          revokedAt: now,
        },
      });
      // M15, M10.2: the ban years of the recognition's own batch profile.
      const profile = domainRule(() => this.profiles.get({ id: rec.policyProfileId, version: rec.policyProfileVersion }));
      const ban = applicantBan(rec.uscc, decisionDate, profile);
      const banId = randomUUID();
      const endsOn = ban.until!; // an applicant ban always has an end (M10.2)
      await tx.applicantBan.create({
        data: { id: banId, uscc: rec.uscc, startsOn: ban.from, endsOn, reason: input.reason, revocationId },
      });
      const revocation = {
        revocationId,
        recognitionId: rec.id,
        applicationId: rec.applicationId,
        uscc: rec.uscc,
        grounds: input.grounds,
        reason: input.reason,
        decisionDate,
        revokedAt: now.toISOString(),
      };
      await this.outbox.append(tx, RecognitionRevoked, revocation, meta);
      await this.outbox.append(
        tx,
        ApplicantBanImposed,
        { banId, uscc: rec.uscc, startsOn: ban.from, endsOn, reason: input.reason, revocationId },
        meta,
      );
      return {
        result: { ...revocation, applicantBan: { banId, uscc: rec.uscc, startsOn: ban.from, endsOn } },
        detail: { revocationId, banId, decisionDate, banEndsOn: endsOn },
      };
    });
  }
}
