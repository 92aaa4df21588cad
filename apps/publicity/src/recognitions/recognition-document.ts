import type { RecognitionDocumentViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { formatRecognitionNumber, PRODUCT_KIND_LABELS, PolicyProfile, ProductKind } from '@firstset/domain';
import { Candidate, Publicity, RecognitionDocument } from '../generated/prisma/client';
import { Tx } from '../prisma';

/** A document number from the profile's pattern (`内工信装备认字〔{year}〕{seq}号`). */
export const documentNumber = (profile: PolicyProfile, year: number, seq: number) =>
  formatRecognitionNumber(profile.recognition.documentNumberPattern, { year, seq });

/** A certificate number from the profile's pattern (`NMSTT-{year}-{seq:4}`). */
export const certificateNumber = (profile: PolicyProfile, year: number, seq: number) =>
  formatRecognitionNumber(profile.recognition.certificateNumberPattern, { year, seq });

/**
 * The year's next sequence number, gap-free: the upsert locks the year's row until the issuing
 * transaction ends, so concurrent issues take consecutive numbers, and a refused issue (rolled back)
 * gives its number back.
 */
export async function nextSeq(tx: Tx, sequence: 'document' | 'certificate', year: number): Promise<number> {
  const args = { where: { year }, create: { year, lastSeq: 1 }, update: { lastSeq: { increment: 1 } } };
  const row = sequence === 'document' ? await tx.documentNumberSequence.upsert(args) : await tx.certificateNumberSequence.upsert(args);
  return row.lastSeq;
}

/** 2026-12-05 → 2026年12月5日, the way GB/T 9704 writes dates (成文日期 and in the text). */
export const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export const kindZh = (kind: string) => PRODUCT_KIND_LABELS[kind as ProductKind]?.zh ?? kind;

/** One line of the document's list: number, enterprise, product (model), kind, set apart by ideographic spaces. */
export const entryLine = (n: number, c: Pick<Candidate, 'enterpriseName' | 'productName' | 'model' | 'productKind'>) =>
  `${n}. ${c.enterpriseName}\u3000${c.productName}（${c.model}）\u3000${kindZh(c.productKind)}`;

/**
 * The document's text from the template (M9.3): a title, a body naming the publicity and the
 * validity and listing the entries. The issuer is the profile's; number and date come at issue.
 */
export function documentText(
  kind: 'main' | 'supplementary',
  publicity: Pick<Publicity, 'startDate' | 'endDate' | 'workingDays'>,
  entries: Candidate[],
  profile: PolicyProfile,
): { title: string; body: string } {
  const year = publicity.startDate.slice(0, 4);
  const subject = '首台（套）技术装备、首批（次）关键零部件和新材料';
  const title = kind === 'main' ? `关于认定${year}年度${subject}的通知` : `关于补充认定${year}年度${subject}的通知`;
  const cleared =
    kind === 'main'
      ? '公示期满无异议'
      : '公示期间对下列产品提出的异议，经调查核实不成立';
  const body = [
    '各盟市工业和信息化局，有关企业：',
    `根据《内蒙古自治区首台（套）技术装备、首批（次）关键零部件和新材料认定管理办法》，经企业申报、盟市初审、综合评审和厅务会议研究，认定名单于${chineseDate(publicity.startDate)}至${chineseDate(publicity.endDate)}在网上公示${publicity.workingDays}个工作日，${cleared}。现认定以下${entries.length}项产品为${year}年度${subject}，认定有效期${profile.validityYears}年，自本文件成文之日起计算。`,
    ...entries.map((c, i) => entryLine(i + 1, c)),
    '请各盟市将认定产品纳入本地区支持政策范围，并做好跟踪服务。',
  ].join('\n');
  return { title, body };
}

/** A draft recognition document of the list: no number, no date (ADR 0025). */
export async function draftDocument(
  tx: Tx,
  input: { decisionListId: string; kind: 'main' | 'supplementary'; publicity: Publicity; entries: Candidate[]; profile: PolicyProfile; now: Date },
): Promise<string> {
  const { title, body } = documentText(input.kind, input.publicity, input.entries, input.profile);
  const { id } = await tx.recognitionDocument.create({
    data: {
      id: randomUUID(),
      decisionListId: input.decisionListId,
      kind: input.kind,
      status: 'draft',
      applicationIds: input.entries.map((c) => c.applicationId),
      title,
      body,
      draftedAt: input.now,
    },
  });
  return id;
}

export function toDocumentView(
  d: RecognitionDocument,
  candidates: Map<string, Candidate>,
  certificates: Map<string, string | null>,
  issuerZh: string,
): RecognitionDocumentViewV1 {
  return {
    id: d.id,
    decisionListId: d.decisionListId,
    kind: d.kind === 'supplementary' ? 'supplementary' : 'main',
    status: d.status === 'issued' ? 'issued' : 'draft',
    title: d.title,
    body: d.body,
    issuerZh,
    entries: d.applicationIds.map((applicationId) => {
      const c = candidates.get(applicationId);
      return {
        applicationId,
        applicationNo: c?.applicationNo ?? '',
        enterpriseName: c?.enterpriseName ?? '',
        productKind: c?.productKind ?? '',
        productName: c?.productName ?? '',
        model: c?.model ?? '',
        certificateNo: certificates.get(applicationId) ?? null,
      };
    }),
    documentNo: d.documentNo,
    documentDate: d.documentDate,
    draftedAt: d.draftedAt?.toISOString() ?? null,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    version: d.version,
  };
}

/** Documents with their entries' candidates and certificates, and the issuer of their profile. */
export async function documentViews(tx: Tx, documents: RecognitionDocument[], issuerOf: (c: Candidate | undefined) => string): Promise<RecognitionDocumentViewV1[]> {
  const ids = documents.flatMap((d) => d.applicationIds);
  const [candidates, recognitions] = await Promise.all([
    tx.candidate.findMany({ where: { applicationId: { in: ids } } }),
    tx.recognition.findMany({ where: { applicationId: { in: ids } }, select: { applicationId: true, certificateNo: true } }),
  ]);
  const byId = new Map(candidates.map((c) => [c.applicationId, c]));
  const certificates = new Map(recognitions.map((r) => [r.applicationId, r.certificateNo]));
  return documents.map((d) => toDocumentView(d, byId, certificates, issuerOf(byId.get(d.applicationIds[0] ?? ''))));
}
