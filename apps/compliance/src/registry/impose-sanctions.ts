import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicantBanImposed, ExpertDisqualified, InstitutionBanImposed, RecognitionRevoked, SanctionImposed } from '@firstset/contracts';
import {
  ApplicationAction,
  ApplicationState,
  decisionNoticeText,
  LocalDate,
  MEASURE_GROUNDS,
  measuresDecidedTogether,
  PolicyProfileRegistry,
  SanctionMeasure,
  sanctionPeriod,
  transition,
} from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { domainRule } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import type { CaseRow } from '../cases/case-view';

export interface Decision {
  reasons: string;
  decisionDate: LocalDate;
  /** The day the party is told (today): the remedies run from it. */
  notifiedOn: LocalDate;
  decidedBy: string;
  at: Date;
}

/**
 * Imposes the measure a heard case decided (ADR 0026): one registry record per measure (a
 * revocation with its applicant ban, M10.2), each with its period from the profile, its decision
 * notice and an `imposed` history entry; the generic event, and the per-measure events the gates
 * already enforce. A revocation also moves the recognition to REVOKED.
 */
@Injectable()
export class SanctionImposer {
  constructor(
    private readonly outbox: Outbox,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async impose(tx: Tx, c: CaseRow, d: Decision, meta: MessageMeta): Promise<string[]> {
    const rec = c.subjectKind === 'recognition' ? await tx.recognition.findUnique({ where: { id: c.subjectId } }) : null;
    if (c.subjectKind === 'recognition' && !rec) throw ComplianceErrors.recognitionNotFound();
    if (rec && d.decisionDate < rec.documentDate) throw ComplianceErrors.decisionBeforeRecognition(d.decisionDate, rec.documentDate);
    // M15: a revocation follows its recognition's batch profile; other bans the profile in force on the day.
    const profile = domainRule(() =>
      rec ? this.profiles.get({ id: rec.policyProfileId, version: rec.policyProfileVersion }) : this.profiles.inForceOn(d.decisionDate),
    );
    const imposed: Array<{ id: string; from: string; until: string | null }> = [];
    for (const measure of measuresDecidedTogether(c.intendedMeasure as SanctionMeasure)) {
      const subject =
        measure === 'applicant_ban' && rec
          ? { kind: 'enterprise' as const, id: rec.uscc, name: rec.enterpriseName, uscc: rec.uscc }
          : { kind: c.subjectKind as 'recognition' | 'institution' | 'expert', id: c.subjectId, name: c.subjectName, uscc: c.subjectUscc };
      const period = sanctionPeriod(measure, d.decisionDate, profile);
      const grounds = measure === c.intendedMeasure ? c.grounds : [MEASURE_GROUNDS[measure]];
      const notice = decisionNoticeText({ subjectName: subject.name, measure, grounds, reasons: d.reasons, period, notifiedOn: d.notifiedOn });
      const id = randomUUID();
      await tx.sanction.create({
        data: {
          id,
          caseId: c.id,
          measure,
          subjectKind: subject.kind,
          subjectId: subject.id,
          subjectName: subject.name,
          subjectUscc: subject.uscc,
          grounds,
          facts: c.facts,
          reasons: d.reasons,
          decisionDate: d.decisionDate,
          fromDate: period.from,
          untilDate: period.until,
          notifiedOn: d.notifiedOn,
          decisionNotice: `${notice.zh}\n\n${notice.en}`,
          policyProfileId: profile.id,
          policyProfileVersion: profile.version,
          events: { create: { id: randomUUID(), kind: 'imposed', on: period.from, reason: d.reasons, recordedBy: d.decidedBy, recordedAt: d.at } },
        },
      });
      imposed.push({ id, ...period });
      await this.outbox.append(
        tx,
        SanctionImposed,
        {
          sanctionId: id,
          caseId: c.id,
          measure,
          subjectKind: subject.kind,
          subjectId: subject.id,
          subjectUscc: subject.uscc,
          subjectName: subject.name,
          grounds,
          reasons: d.reasons,
          from: period.from,
          until: period.until,
          notice: notice.zh,
          imposedAt: d.at.toISOString(),
        },
        meta,
      );
    }
    await this.legacyEvents(tx, c, d, imposed, rec, meta);
    return imposed.map((i) => i.id);
  }

  /** The per-measure events intake, publicity and expert management enforce today (ADR 0026). */
  private async legacyEvents(
    tx: Tx,
    c: CaseRow,
    d: Decision,
    imposed: Array<{ id: string; from: string; until: string | null }>,
    rec: { id: string; applicationId: string; uscc: string; state: string } | null,
    meta: MessageMeta,
  ) {
    const [{ id: first, ...period }, ban] = imposed;
    if (c.intendedMeasure === 'recognition_revocation' && rec) {
      const { to } = domainRule(() =>
        transition(rec.state as ApplicationState, ApplicationAction.revoke, 'department_officer', { reason: d.reasons, facts: { improperMeansEstablished: true } }),
      );
      const { count } = await tx.recognition.updateMany({ where: { id: rec.id, state: rec.state }, data: { state: to } });
      if (count !== 1) throw ComplianceErrors.concurrentChange();
      const revocation = { revocationId: first, recognitionId: rec.id, applicationId: rec.applicationId, uscc: rec.uscc, grounds: 'IMPROPER_MEANS', reason: d.reasons, decisionDate: d.decisionDate, revokedAt: d.at.toISOString() };
      await this.outbox.append(tx, RecognitionRevoked, revocation, meta);
      // The recognitions' list reads its status from the revocation row: kept until it reads the registry.
      await tx.revocation.create({ data: { id: first, recognitionId: rec.id, applicationId: rec.applicationId, uscc: rec.uscc, grounds: 'IMPROPER_MEANS', reason: d.reasons, decisionDate: d.decisionDate, decidedBy: d.decidedBy, revokedAt: d.at } });
      await tx.applicantBan.create({ data: { id: ban.id, uscc: rec.uscc, startsOn: ban.from, endsOn: ban.until!, reason: d.reasons, revocationId: first } });
      await this.outbox.append(tx, ApplicantBanImposed, { banId: ban.id, uscc: rec.uscc, startsOn: ban.from, endsOn: ban.until!, reason: d.reasons, revocationId: first }, meta);
    } else if (c.intendedMeasure === 'institution_ban') {
      await this.outbox.append(tx, InstitutionBanImposed, { banId: first, institutionId: c.subjectId, institutionUscc: c.subjectUscc!, startsOn: period.from, endsOn: period.until! }, meta);
    } else if (c.intendedMeasure === 'expert_disqualification') {
      await this.outbox.append(tx, ExpertDisqualified, { disqualificationId: first, expertId: c.subjectId, decisionDate: d.decisionDate }, meta);
    }
  }
}
