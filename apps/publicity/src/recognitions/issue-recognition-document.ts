import type { RecognitionDocumentViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ApplicationAction,
  ApplicationState,
  LocalDate,
  objectionHolds,
  ObjectionStatus,
  PolicyProfileRegistry,
  recognitionValidity,
  toShanghaiDate,
  transition,
  yearOf,
} from '@firstset/domain';
import { IssueRecognitionDocumentV1, RecognitionIssued } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { Candidate, RecognitionDocument } from '../generated/prisma/client';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';
import { certificateNumber, documentNumber, documentViews, nextSeq } from './recognition-document';

/**
 * The Department issues a reviewed draft (M9.3): the document's number is taken now (per year,
 * gap-free), its date is today in Beijing, and each entry becomes RECOGNIZED, valid from that date
 * for the profile's years (M13.2), with its certificate number. Issuing twice or from a stale view
 * is refused and changes nothing.
 */
@Injectable()
export class IssueRecognitionDocument {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: IssueRecognitionDocumentV1, meta: MessageMeta): Promise<RecognitionDocumentViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'recognition-document.issue', objectType: 'recognition_document', objectId: input.documentId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const draft = await tx.recognitionDocument.findUnique({ where: { id: input.documentId } });
      if (!draft) throw PublicityErrors.documentNotFound();
      if (draft.status === 'issued') throw PublicityErrors.alreadyIssued(draft.documentNo);
      if (draft.version !== input.expectedVersion) throw PublicityErrors.documentStale(draft.version);
      // Compare-and-set first: a concurrent issue of the same draft waits here, then finds it issued.
      const cas = await tx.recognitionDocument.updateMany({
        where: { id: draft.id, status: 'draft', version: input.expectedVersion },
        data: { status: 'issued', version: { increment: 1 } },
      });
      if (cas.count !== 1) {
        const now = await tx.recognitionDocument.findUniqueOrThrow({ where: { id: draft.id } });
        throw now.status === 'issued' ? PublicityErrors.alreadyIssued(now.documentNo) : PublicityErrors.documentStale(now.version);
      }
      const candidates = await this.candidatesOf(tx, draft);
      const first = candidates[0]!;
      const profile = domainRule(() => this.profiles.get({ id: first.policyProfileId, version: first.policyProfileVersion }));
      const documentDate = toShanghaiDate(now) as LocalDate;
      const year = yearOf(documentDate);
      const seq = await nextSeq(tx, 'document', year);
      const documentNo = documentNumber(profile, year, seq);
      const issued = await tx.recognitionDocument.update({
        where: { id: draft.id },
        data: { documentNo, year, seq, documentDate, issuedAt: now, issuedBy: actor.userId },
      });
      for (const c of candidates) await this.recognize(tx, c, issued, now, meta);
      const [view] = await documentViews(tx, [issued], () => profile.recognition.issuerZh);
      return { result: view!, detail: { documentNo, entries: candidates.length } };
    });
  }

  /** The draft's candidates in its order, each still in publicity with no objection holding it. */
  private async candidatesOf(tx: Tx, d: RecognitionDocument): Promise<Candidate[]> {
    const rows = await tx.candidate.findMany({
      where: { applicationId: { in: d.applicationIds } },
      include: { entry: { include: { objections: { select: { status: true } } } } },
    });
    const byId = new Map(rows.map((r) => [r.applicationId, r]));
    return d.applicationIds.map((id) => {
      const c = byId.get(id);
      if (!c) throw PublicityErrors.entryNotIssuable(id, 'missing');
      const held = c.entry?.objections.some((o) => objectionHolds(o.status as ObjectionStatus)) ?? false;
      if (c.state !== ApplicationState.IN_PUBLICITY || held) throw PublicityErrors.entryNotIssuable(c.applicationNo, held ? 'OBJECTION_OPEN' : c.state);
      return c;
    });
  }

  private async recognize(tx: Tx, c: Candidate, document: RecognitionDocument, now: Date, meta: MessageMeta): Promise<void> {
    const documentNo = document.documentNo!;
    const documentDate = document.documentDate! as LocalDate;
    // Both facts were checked: the publicity is closed (so over) and no objection holds the entry.
    const { to } = domainRule(() =>
      transition(c.state as ApplicationState, ApplicationAction.issueRecognitionDocument, 'department_officer', {
        facts: { publicityPeriodEnded: true, noOpenObjection: true },
      }),
    );
    const { count } = await tx.candidate.updateMany({ where: { applicationId: c.applicationId, state: c.state }, data: { state: to } });
    if (count !== 1) throw PublicityErrors.concurrentChange();
    // M13.2: valid for the years of the application's own batch profile.
    const profile = domainRule(() => this.profiles.get({ id: c.policyProfileId, version: c.policyProfileVersion }));
    const validity = recognitionValidity(documentDate, profile);
    const year = yearOf(documentDate);
    const certificateNo = certificateNumber(profile, year, await nextSeq(tx, 'certificate', year));
    const recognitionId = randomUUID();
    await tx.recognition.create({
      data: {
        id: recognitionId,
        applicationId: c.applicationId,
        documentId: document.id,
        documentNo,
        documentDate,
        certificateNo,
        validFrom: validity.validFrom,
        validUntil: validity.validUntil,
        uscc: c.uscc,
        enterpriseName: c.enterpriseName,
        productKind: c.productKind,
        productName: c.productName,
        series: c.series,
        model: c.model,
        prefectureId: c.prefectureId,
        fieldCode: c.fieldCode,
        year,
        issuedAt: now,
      },
    });
    // M13.1: the registry keeps each entry's history from its first day.
    await tx.recognitionEvent.create({
      data: { id: randomUUID(), recognitionId, kind: 'issued', occurredOn: documentDate, occurredAt: now, actorId: meta.actor?.userId ?? 'system', detail: { documentNo, certificateNo } },
    });
    await this.outbox.append(
      tx,
      RecognitionIssued,
      {
        applicationId: c.applicationId,
        batchId: c.batchId,
        applicationNo: c.applicationNo,
        prefectureId: c.prefectureId,
        enterprise: { uscc: c.uscc, name: c.enterpriseName, registeredAddress: c.registeredAddress },
        product: { kind: c.productKind as never, name: c.productName, series: c.series, model: c.model, rdCompletedOn: c.rdCompletedOn },
        policyProfile: { id: c.policyProfileId, version: c.policyProfileVersion },
        recognitionId,
        documentNo,
        documentDate,
        validFrom: validity.validFrom,
        validUntil: validity.validUntil,
        issuedAt: now.toISOString(),
        certificateNo,
      },
      meta,
    );
  }
}
