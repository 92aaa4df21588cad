import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { AttachSiteEvidenceV1, DownloadGrantV1, ObjectKeysV1, SITE_EVIDENCE_TYPES, SiteEvidenceRefV1, SiteFindingRefV1, UploadGrantV1 } from '@firstset/contracts';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, PRISMA, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Prisma } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { assertScheduled, expertNames, visitOfApplicant, visitOfInstitution } from './site-visit-access';
import { readableVisit } from './read-site-visits';
import { evidenceOf, SiteVisitView, toSiteVisitView } from './site-visit-view';

/** Per file and per finding (each side: the institution's evidence, the applicant's answer). */
export const SITE_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const SITE_EVIDENCE_MAX_FILES = 20;

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/**
 * Where a file may go now (M8.2): the institution's evidence of a finding while its visit is
 * scheduled; the applicant's evidence for its answer once the visit is concluded and before the
 * answer is in. Another institution's or applicant's visit is "not found"; a full finding is refused.
 */
async function evidenceTarget(tx: Tx, actor: ActorContext, ref: SiteFindingRefV1, today: ReturnType<typeof toShanghaiDate>) {
  const { visit } = actor.role === 'enterprise'
    ? await visitOfApplicant(tx, ref.visitId, actor.enterpriseUscc ?? '')
    : await visitOfInstitution(tx, ref.visitId, institutionOf(actor), today);
  const finding = visit.findings.find((f) => f.id === ref.findingId);
  if (!finding) throw notFound('site finding');
  const side = actor.role === 'enterprise' ? ('answerEvidence' as const) : ('evidence' as const);
  if (side === 'evidence') assertScheduled(visit);
  else {
    if (visit.status !== 'concluded') throw ExpertManagementErrors.siteVisitNotConcluded();
    if (finding.answeredAt) throw ExpertManagementErrors.siteFindingAnswered();
  }
  if (evidenceOf(finding[side]).length >= SITE_EVIDENCE_MAX_FILES) throw ExpertManagementErrors.siteEvidenceFull(SITE_EVIDENCE_MAX_FILES);
  return { visit, finding, side };
}

/** Site evidence: the upload's grant and record, the audited download, and the sweep's question (M8.2). */
@Injectable()
export class SiteEvidence {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Asked by the gateway before it reads the body: the limits, or the refusal the attach would give. */
  async authorizeUpload(input: SiteFindingRefV1, meta: MessageMeta): Promise<UploadGrantV1> {
    const actor = requireActor(meta, ['institution_staff', 'enterprise']);
    await this.db.$transaction((tx) => evidenceTarget(tx, actor, input, toShanghaiDate(this.clock.now())));
    return { maxBytes: SITE_EVIDENCE_MAX_BYTES, allowedTypes: [...SITE_EVIDENCE_TYPES], sm3: false };
  }

  /** Records a file the gateway stored and inspected, on the side the caller's role writes. */
  attach(input: AttachSiteEvidenceV1, meta: MessageMeta): Promise<SiteVisitView> {
    const actor = requireActor(meta, ['institution_staff', 'enterprise']);
    const spec = { action: 'site-visit.attach-evidence', objectType: 'site_finding', objectId: input.findingId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const { visit, finding, side } = await evidenceTarget(tx, actor, input, toShanghaiDate(now));
      if (input.size > SITE_EVIDENCE_MAX_BYTES) throw ExpertManagementErrors.siteEvidenceFull(SITE_EVIDENCE_MAX_FILES);
      const file = {
        id: randomUUID(),
        objectKey: input.objectKey,
        sha256: input.sha256,
        ...(input.sm3 ? { sm3: input.sm3 } : {}),
        fileName: input.fileName,
        mediaType: input.mediaType,
        size: input.size,
        uploadedBy: actor.userId,
        uploadedAt: now.toISOString(),
      };
      const list = [...evidenceOf(finding[side]), file];
      const updated = await tx.siteFinding.update({ where: { id: finding.id }, data: { [side]: list as unknown as Prisma.InputJsonValue } });
      const findings = visit.findings.map((f) => (f.id === finding.id ? updated : f));
      const view = toSiteVisitView({ ...visit, findings }, actor.role === 'enterprise' ? undefined : await expertNames(tx, visit.memberExpertIds));
      return { result: view, detail: { evidenceId: file.id, side, fileName: file.fileName, sha256: file.sha256, size: file.size } };
    });
  }

  /** Every download is authorized here and audited, refusals included; the gateway streams the object. */
  authorizeDownload(input: SiteEvidenceRefV1, meta: MessageMeta): Promise<DownloadGrantV1> {
    const actor = requireActor(meta, ['department_officer', 'auditor', 'institution_staff', 'expert', 'enterprise']);
    const spec = { action: 'site-visit.evidence-download', objectType: 'site_finding', objectId: input.findingId };
    return this.commands.run(meta, spec, async (tx) => {
      const visit = await readableVisit(tx, actor, input.visitId, toShanghaiDate(this.clock.now()));
      const finding = visit.findings.find((f) => f.id === input.findingId);
      if (!finding) throw notFound('site finding');
      const e = [...evidenceOf(finding.evidence), ...evidenceOf(finding.answerEvidence)].find((x) => x.id === input.evidenceId);
      if (!e) throw notFound('evidence');
      return {
        result: { objectKey: e.objectKey, fileName: e.fileName, mediaType: MIME[e.mediaType] ?? 'application/octet-stream', size: e.size, sha256: e.sha256 },
        detail: { applicationId: visit.applicationId, visitId: visit.id, sha256: e.sha256, fileName: e.fileName },
      };
    });
  }

  /** For the gateway's orphan sweep: the keys no finding or answer refers to. */
  async unreferenced(input: ObjectKeysV1, meta: MessageMeta): Promise<{ unreferenced: string[] }> {
    requireActor(meta, ['system']);
    if (input.objectKeys.length === 0) return { unreferenced: [] };
    const rows = await this.db.$queryRawUnsafe<Array<{ key: string }>>(
      `SELECT DISTINCT e->>'objectKey' AS key FROM "${this.config.dbSchema}".site_findings f,
        LATERAL jsonb_array_elements(f.evidence || f.answer_evidence) e
       WHERE e->>'objectKey' = ANY($1::text[])`,
      input.objectKeys,
    );
    const referenced = new Set(rows.map((r) => r.key));
    return { unreferenced: input.objectKeys.filter((k) => !referenced.has(k)) };
  }
}
