import { randomUUID } from 'node:crypto';
import { ApplicationSubmittedV1 } from '@firstset/contracts';
import { Application, Enterprise, Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { ApplicationSnapshot, FieldChange, snapshotOf } from './application-snapshot';

/** What preliminary review receives about a submitted version: references, never files. */
export function submittedPayload(
  app: Pick<Application, 'id' | 'batchId' | 'applicationNo' | 'prefectureId' | 'productKind' | 'productName' | 'series' | 'model' | 'rdCompletedOn'> & {
    enterprise: Pick<Enterprise, 'uscc' | 'name' | 'registeredAddress'>;
  },
  version: number,
  now: Date,
): ApplicationSubmittedV1 {
  return {
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
    submittedAt: now.toISOString(),
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

/** Keeps the submitted version whole, with its differences from the previous one. */
export async function recordVersion(
  tx: Tx,
  snapshot: ApplicationSnapshot,
  applicationId: string,
  version: number,
  changes: FieldChange[],
  now: Date,
): Promise<void> {
  await tx.applicationVersion.create({
    data: {
      id: randomUUID(),
      applicationId,
      version,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      changes: changes as unknown as Prisma.InputJsonValue,
      submittedAt: now,
    },
  });
}
