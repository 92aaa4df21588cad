import type { ExportedFileV1, HeldEntryV1, IssuingViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateRefV1, DocumentRefV1, OptionalBatchDto } from '@firstset/contracts';
import { objectionHolds, ObjectionStatus, PolicyProfileRegistry } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Candidate } from '../generated/prisma/client';
import { PublicityErrors } from '../publicity.errors';
import { Db } from '../prisma';
import { documentViews } from './recognition-document';
import { certificatePdf, recognitionDocumentPdf } from './recognition-pdfs';

const OFFICERS = ['department_officer', 'auditor'] as const;

/** Where the certificate's QR code points: the site's public verification page (M13.1). */
export const verifyUrl = (certificateNo: string) =>
  `${(process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '')}/public/verify?no=${encodeURIComponent(certificateNo)}`;

/**
 * The Department's issuing page (M9.3) and the PDFs: each publicity with its documents in order
 * (main, then supplementary) and every entry an objection still holds, with its case, so none is
 * stranded; a document's PDF (a draft only for officers; an issued one for anyone: it is public);
 * a certificate for its enterprise and the officers.
 */
@Injectable()
export class ReadIssuing {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  private issuerOf = (c: Candidate | undefined) =>
    this.profiles.resolve(c && { id: c.policyProfileId, version: c.policyProfileVersion }).recognition.issuerZh;

  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<IssuingViewV1[]> {
    requireActor(meta, OFFICERS);
    const now = this.clock.now();
    const rows = await this.db.publicity.findMany({
      where: input.batchId ? { decisionList: { batchId: input.batchId } } : {},
      include: {
        decisionList: {
          include: {
            documents: { orderBy: [{ draftedAt: 'asc' }, { id: 'asc' }] },
            entries: { include: { candidate: true, objections: { orderBy: { lodgedAt: 'asc' } } }, orderBy: { seq: 'asc' } },
          },
        },
      },
      orderBy: [{ publicationDate: 'desc' }, { createdAt: 'desc' }],
      take: 100,
    });
    const out: IssuingViewV1[] = [];
    for (const p of rows) {
      const l = p.decisionList;
      const held: HeldEntryV1[] = l.entries
        .filter((e) => e.objections.some((o) => objectionHolds(o.status as ObjectionStatus)))
        .map((e) => ({
          applicationId: e.applicationId,
          applicationNo: e.candidate.applicationNo,
          enterpriseName: e.candidate.enterpriseName,
          productName: e.candidate.productName,
          state: e.candidate.state,
          objections: e.objections.map((o) => ({ id: o.id, receiptNo: o.receiptNo, status: o.status, lodgedAt: o.lodgedAt.toISOString() })),
        }));
      // Main first, then the supplementary documents in the order they were drafted.
      const documents = [...l.documents].sort((a, b) => Number(a.kind !== 'main') - Number(b.kind !== 'main'));
      out.push({
        publicityId: p.id,
        decisionListId: l.id,
        batchId: l.batchId,
        startDate: p.startDate,
        endDate: p.endDate,
        endsAt: p.endsAt.toISOString(),
        status: p.status === 'open' ? 'open' : 'closed',
        closable: p.status === 'open' && p.endsAt <= now,
        closedAt: p.closedAt?.toISOString() ?? null,
        closedBy: p.closedBy,
        documents: await documentViews(this.db, documents, this.issuerOf),
        held,
      });
    }
    return out;
  }

  async documentPdf(input: DocumentRefV1, meta: MessageMeta): Promise<ExportedFileV1> {
    const d = await this.db.recognitionDocument.findUnique({ where: { id: input.documentId } });
    const officer = OFFICERS.includes(meta.actor?.role as (typeof OFFICERS)[number]);
    // A draft is the Department's; to anyone else it does not exist.
    if (!d || (d.status !== 'issued' && (!officer || input.issuedOnly))) throw PublicityErrors.documentNotFound();
    const [view] = await documentViews(this.db, [d], this.issuerOf);
    const name = d.documentNo ?? `${d.title}（草稿）`;
    return { fileName: `${name}.pdf`, contentType: 'application/pdf', base64: (await recognitionDocumentPdf(view!)).toString('base64') };
  }

  async certificatePdf(input: CertificateRefV1, meta: MessageMeta): Promise<ExportedFileV1> {
    const actor = requireActor(meta, [...OFFICERS, 'enterprise']);
    const r = await this.db.recognition.findUnique({ where: { applicationId: input.applicationId } });
    // Another enterprise's certificate answers as if there were none.
    if (!r || !r.certificateNo || (actor.role === 'enterprise' && actor.enterpriseUscc !== r.uscc)) throw PublicityErrors.certificateNotFound();
    const c = await this.db.candidate.findUnique({ where: { applicationId: r.applicationId } });
    const pdf = await certificatePdf(r, this.issuerOf(c ?? undefined), verifyUrl(r.certificateNo));
    return { fileName: `认定证书${r.certificateNo}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
  }
}
