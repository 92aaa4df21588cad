import type { CloseDueResultV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ApplicationAction,
  ApplicationState,
  PolicyProfileRegistry,
  LocalDate,
  recognitionValidity,
  toShanghaiDate,
  transition,
} from '@firstset/domain';
import { RecognitionIssued } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { Candidate, Publicity } from '../generated/prisma/client';
import { createRecognitionDocument } from '../recognitions/recognition-document';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';

interface IssuedRecognition {
  recognitionId: string;
  applicationId: string;
  validFrom: string;
  validUntil: string;
}

export interface ClosedPublicity {
  publicityId: string;
  decisionListId: string;
  endDate: string;
  documentNo: string | null;
  documentDate: string | null;
  recognitions: IssuedRecognition[];
  /** Entries not recognized: an objection is open or the application left the publicity. */
  heldBack: Array<{ applicationId: string; state: string; reason: string }>;
}

export type CloseDueResult = CloseDueResultV1;

type Entry = { id: string; applicationId: string; candidate: Candidate; objections: Array<{ status: string }> };

/**
 * M9.3: every publicity whose period is over gets its recognition document, and each entry still
 * in publicity with no open objection is recognized, valid for the profile's years (M13.2). A
 * publicity still running is left alone and reported with its end date.
 */
@Injectable()
export class CloseDuePublicities {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(meta: MessageMeta): Promise<CloseDueResult> {
    requireActor(meta, ['department_officer']);
    return this.commands.run(meta, { action: 'publicity.close-due', objectType: 'publicity' }, async (tx) => {
      const now = this.clock.now();
      const open = await tx.publicity.findMany({ where: { status: 'open' }, orderBy: { endsAt: 'asc' } });
      const result: CloseDueResult = { closed: [], running: [] };
      for (const p of open) {
        if (p.endsAt > now) {
          const { id: publicityId, decisionListId, startDate, endDate } = p;
          result.running.push({ publicityId, decisionListId, startDate, endDate, endsAt: p.endsAt.toISOString() });
          continue;
        }
        // Compare-and-set: of two concurrent closers, only one closes a publicity.
        const cas = await tx.publicity.updateMany({ where: { id: p.id, status: 'open' }, data: { status: 'closed', closedAt: now } });
        if (cas.count !== 1) continue;
        result.closed.push(await this.close(tx, p, now, meta));
      }
      return { result, detail: { closed: result.closed.map((c) => c.publicityId), running: result.running.length } };
    });
  }

  private async close(tx: Tx, p: Publicity, now: Date, meta: MessageMeta): Promise<ClosedPublicity> {
    const entries: Entry[] = await tx.decisionListEntry.findMany({
      where: { decisionListId: p.decisionListId },
      include: { candidate: true, objections: { select: { status: true } } },
    });
    await tx.decisionList.update({ where: { id: p.decisionListId }, data: { status: 'CLOSED' } });
    const closed: ClosedPublicity = {
      publicityId: p.id,
      decisionListId: p.decisionListId,
      endDate: p.endDate,
      documentNo: null,
      documentDate: null,
      recognitions: [],
      heldBack: [],
    };
    const issuable = entries.filter((e) => {
      const openObjection = e.objections.some((o) => o.status === 'open');
      if (e.candidate.state === ApplicationState.IN_PUBLICITY && !openObjection) return true;
      const reason = openObjection ? '存在未办结异议 / an objection is open' : '申请已不在公示中 / no longer in publicity';
      closed.heldBack.push({ applicationId: e.applicationId, state: e.candidate.state, reason });
      return false;
    });
    if (issuable.length === 0) return closed;
    const documentDate = toShanghaiDate(now);
    const document = await createRecognitionDocument(tx, p.decisionListId, documentDate, now);
    closed.documentNo = document.documentNo;
    closed.documentDate = documentDate;
    for (const entry of issuable) {
      closed.recognitions.push(await this.recognize(tx, entry, document, now, meta));
    }
    return closed;
  }

  private async recognize(
    tx: Tx,
    { applicationId, candidate: c }: Entry,
    document: { id: string; documentNo: string; documentDate: string },
    now: Date,
    meta: MessageMeta,
  ): Promise<IssuedRecognition> {
    // Both facts were established by the caller: the publicity's endsAt <= now, no open objection.
    const { to } = domainRule(() =>
      transition(c.state as ApplicationState, ApplicationAction.issueRecognitionDocument, 'department_officer', {
        facts: { publicityPeriodEnded: true, noOpenObjection: true },
      }),
    );
    const { count } = await tx.candidate.updateMany({ where: { applicationId, state: c.state }, data: { state: to } });
    if (count !== 1) throw PublicityErrors.concurrentChange();
    // M13.2: valid for the years of the application's own batch profile.
    const profile = domainRule(() => this.profiles.get({ id: c.policyProfileId, version: c.policyProfileVersion }));
    const validity = recognitionValidity(document.documentDate as LocalDate, profile);
    const recognitionId = randomUUID();
    await tx.recognition.create({
      data: {
        id: recognitionId,
        applicationId,
        documentId: document.id,
        documentNo: document.documentNo,
        documentDate: document.documentDate,
        validFrom: validity.validFrom,
        validUntil: validity.validUntil,
        uscc: c.uscc,
        enterpriseName: c.enterpriseName,
        productKind: c.productKind,
        productName: c.productName,
        series: c.series,
        model: c.model,
        issuedAt: now,
      },
    });
    await this.outbox.append(
      tx,
      RecognitionIssued,
      {
        applicationId,
        batchId: c.batchId,
        applicationNo: c.applicationNo,
        prefectureId: c.prefectureId,
        enterprise: { uscc: c.uscc, name: c.enterpriseName, registeredAddress: c.registeredAddress },
        product: { kind: c.productKind as never, name: c.productName, series: c.series, model: c.model, rdCompletedOn: c.rdCompletedOn },
        policyProfile: { id: c.policyProfileId, version: c.policyProfileVersion },
        recognitionId,
        documentNo: document.documentNo,
        documentDate: document.documentDate,
        validFrom: validity.validFrom,
        validUntil: validity.validUntil,
        issuedAt: now.toISOString(),
      },
      meta,
    );
    return { recognitionId, applicationId, validFrom: validity.validFrom, validUntil: validity.validUntil };
  }
}
