import { randomUUID } from 'node:crypto';
import { ApplicationSubmittedV1, SignedPledgeV1, SubmissionFlagV1, SubmittedCreditCheckV1 } from '@firstset/contracts';
import { CreditStatus } from '../credit/credit-check.port';
import { Application, Enterprise, Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { ApplicationSnapshot, draftOf, FieldChange, snapshotOf } from './application-snapshot';
import { contentSha256 } from './content-hash';
import { partnersOf } from './ip-counterparties';
import { CheckResult, flagsForReviewer } from './pre-submission-check';

/** What the prefecture's formal review needs besides the form: the catalogue entry, the credit answer, intake's flags. */
export interface ReviewFacts {
  catalogueEntryCode?: string;
  credit?: SubmittedCreditCheckV1;
  flags?: SubmissionFlagV1[];
  materialsRequiredAtSubmission?: boolean;
  pledge?: SignedPledgeV1;
}

/**
 * The review's facts: the catalogue entry, the credit answer, intake's flags, whether the
 * materials were required (M7.4) and the pledge signed (M10.1). The declarations (M2, M5, M6)
 * come from the form in `submittedPayload`, on every submitted version.
 */
export function reviewFacts(
  form: Pick<ApplicationSnapshot, 'catalogueEntryCode'>,
  credit: CreditStatus,
  check: CheckResult,
  now: Date,
  pledge: SignedPledgeV1,
): ReviewFacts {
  const detail = credit.detail as { reference?: unknown; unavailable?: unknown };
  const { catalogueEntryCode } = form;
  return {
    ...(catalogueEntryCode ? { catalogueEntryCode } : {}),
    materialsRequiredAtSubmission: check.materialsRequiredAtSubmission,
    pledge,
    credit: {
      source: credit.source,
      ...(credit.seriousDishonesty !== null ? { seriousDishonesty: credit.seriousDishonesty } : {}),
      ...(credit.abnormalOperations !== null ? { abnormalOperations: credit.abnormalOperations } : {}),
      checkedAt: now.toISOString(),
      ...(typeof detail.reference === 'string' ? { reference: detail.reference } : {}),
      ...(typeof detail.unavailable === 'string' ? { note: detail.unavailable } : {}),
    },
    flags: flagsForReviewer(check),
  };
}

/** What preliminary review receives about a submitted version: references, never files. */
export function submittedPayload(
  app: Pick<
    Application,
    'id' | 'batchId' | 'applicationNo' | 'prefectureId' | 'productKind' | 'productName' | 'series' | 'model' | 'rdCompletedOn' | 'policyProfileId' | 'policyProfileVersion'
  > & {
    enterprise: Pick<Enterprise, 'uscc' | 'name' | 'registeredAddress'>;
  } & { draft?: unknown; createdAt?: Date },
  version: number,
  now: Date,
  facts: ReviewFacts = {},
): ApplicationSubmittedV1 {
  // The prefecture judges each condition of M5 and exclusion of M6 against the enterprise's own answers.
  const form = app.draft ? draftOf({ draft: app.draft as Application['draft'] }) : undefined;
  const declarations = form?.declarations;
  // M11.1: the assignors and licensors of its IP, for the comprehensive review's conflict check.
  const partners = partnersOf(form?.ipList);
  return {
    ...facts,
    ...(declarations ? { declarations } : {}),
    ...(partners.length ? { partners } : {}),
    applicationId: app.id,
    batchId: app.batchId,
    applicationNo: app.applicationNo,
    version,
    prefectureId: app.prefectureId,
    enterprise: {
      uscc: app.enterprise.uscc,
      name: app.enterprise.name,
      registeredAddress: app.enterprise.registeredAddress,
    },
    product: {
      kind: app.productKind as never,
      name: app.productName,
      series: app.series,
      model: app.model,
      rdCompletedOn: app.rdCompletedOn,
    },
    policyProfile: { id: app.policyProfileId, version: app.policyProfileVersion },
    submittedAt: now.toISOString(),
    // The oversight dashboards time the intake stage from the draft's creation (ADR 0029).
    ...(app.createdAt ? { createdAt: app.createdAt.toISOString() } : {}),
  };
}

/** The form as submitted, with the files attached to it (by slot, name and content hash). */
export async function snapshotWithMaterials(tx: Tx, app: Application): Promise<ApplicationSnapshot> {
  const files = await tx.material.findMany({
    where: { applicationId: app.id, removedAt: null },
    orderBy: [{ slotId: 'asc' }, { sha256: 'asc' }],
    select: { id: true, slotId: true, fileName: true, sha256: true, size: true },
  });
  return { ...snapshotOf(app), materials: files };
}

/** Keeps the submitted version whole, with its differences from the previous one; answers its content hash. */
export async function recordVersion(
  tx: Tx,
  snapshot: ApplicationSnapshot,
  applicationId: string,
  version: number,
  changes: FieldChange[],
  now: Date,
  pledge?: SignedPledgeV1,
): Promise<string> {
  await tx.applicationVersion.create({
    data: {
      id: randomUUID(),
      applicationId,
      version,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      changes: changes as unknown as Prisma.InputJsonValue,
      ...(pledge ? { pledge: pledge as unknown as Prisma.InputJsonValue } : {}),
      submittedAt: now,
    },
  });
  return contentSha256(snapshot);
}
