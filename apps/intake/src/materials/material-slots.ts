import { ApplicationState, materialsChecklist, PolicyProfile, ProductKind } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';
import { notFound } from '@firstset/service-kit';
import { Application } from '../generated/prisma/client';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { draftOf } from '../applications/application-snapshot';
import { assertCorrectionOpen } from '../applications/update-draft';
import { IntakeSettings } from '../config';
import type { DeclarationsV1 } from '@firstset/contracts';

const EDITABLE: string[] = [ApplicationState.DRAFT, ApplicationState.RETURNED_FOR_CORRECTION];

/** The enterprise's own application, open for changes (a draft, or returned and before its deadline). */
export async function editableApplication(tx: Tx, uscc: string, applicationId: string, now: Date): Promise<Application> {
  const app = await tx.application.findFirst({ where: { id: applicationId, enterpriseUscc: uscc } });
  if (!app) throw notFound('application');
  if (!EDITABLE.includes(app.state)) throw IntakeErrors.notEditable(app.state);
  if (app.state === ApplicationState.RETURNED_FOR_CORRECTION) assertCorrectionOpen(app.correction, now);
  return app;
}

/** The slots of the M7.4 checklist of a product of this kind with these declarations. */
export function checklistSlots(productKind: string, declarations: DeclarationsV1 | undefined, profile: PolicyProfile): Set<string> {
  const d = declarations ?? {};
  const checklist = materialsChecklist(
    {
      productKind: productKind as ProductKind,
      ipSharedBySeveralParties: d.ipSharedBySeveralParties ?? false,
      productionLicenceApplies: d.productionLicenceApplies ?? false,
      cccApplies: d.cccApplies ?? false,
    },
    profile,
  );
  return new Set(checklist.map((s) => s.slotId));
}

export const slotNotOnChecklist = (slotId: string) =>
  new ServiceError(
    'MATERIAL_SLOT_NOT_ON_CHECKLIST',
    422,
    '该材料不在本申请的材料清单中 / This material is not on the application\'s checklist',
    `M7.4: slot ${slotId} does not apply to this application`,
  );

/** The slot must be on this application's M7.4 checklist (conditional slots only when they apply). */
export function assertSlotOnChecklist(app: Application, slotId: string, profile: PolicyProfile): void {
  if (!checklistSlots(app.productKind, draftOf(app).declarations, profile).has(slotId)) throw slotNotOnChecklist(slotId);
}

/** Bytes still allowed for the application under the per-application limit. */
export async function remainingBytes(tx: Tx, applicationId: string, settings: IntakeSettings): Promise<number> {
  const { _sum } = await tx.material.aggregate({ where: { applicationId, removedAt: null }, _sum: { size: true } });
  return settings.materialMaxApplicationBytes - (_sum.size ?? 0);
}
