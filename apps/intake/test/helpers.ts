import { randomUUID } from 'node:crypto';
import { ApplicationReturned, AttachMaterial, AuthorizeMaterialDownload, CreateApplication, GetApplication, ListMaterials, OpenBatch, RegisterEnterprise, SubmitApplication, UpdateApplicationDraft, UpdateApplicationDraftV1 } from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { actors, completeFormFields, CURRENT_PLEDGE_VERSION, publishEvent, requiredSlots, RpcCaller, schemaOf, sql, TestEnv, waitUntilConsumed } from '@firstset/testing';

export const day = 24 * 3600_000;
export const BAOTOU_USCC = '91150200MA0N4KXX4C';
export const OTHER_USCC = '91150100MA0P7RYY69';

export async function openBatch(rpc: RpcCaller, department: ActorContext, year = new Date().getFullYear(), opensInMs = -day, closesInMs = 30 * day) {
  const now = Date.now();
  return rpc.request<{ id: string; windowClosesAt: string; prefectureDeadline: string }>(
    OpenBatch,
    {
      year,
      name: `${year}年度首台（套）认定`,
      windowOpensAt: new Date(now + opensInMs).toISOString(),
      windowClosesAt: new Date(now + closesInMs).toISOString(),
      prefectureDeadline: new Date(now + closesInMs + 20 * day).toISOString().slice(0, 10),
    },
    department,
  );
}

export async function registerEnterprise(rpc: RpcCaller, actor: ActorContext, divisionCode = '150204') {
  await rpc.request(RegisterEnterprise, { name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区', addressDivisionCode: divisionCode }, actor);
}

export const product = (batchId: string, model = `ZK-${randomUUID().slice(0, 6)}`, series = 'ZK') => ({
  batchId,
  productKind: 'FIRST_SET_EQUIPMENT' as const,
  productName: '大型矿用自卸车',
  series,
  model,
  rdCompletedOn: new Date(Date.now() - 90 * day).toISOString().slice(0, 10),
});

export interface AppView {
  id: string;
  applicationNo: string;
  state: string;
  version: number;
  revision: number;
  productName: string;
  draft: Record<string, unknown>;
  correction: { items: Array<{ item: string; reason: string }>; deadline: string; answers?: Array<{ item: string; answer: string }> } | null;
  rejection: { reason: string; measuresIds: string[] } | null;
  history?: Array<{ toState: string; reason: string | null }>;
}

export async function createApplication(rpc: RpcCaller, actor: ActorContext, batchId: string, model?: string, series?: string) {
  return rpc.request<AppView>(CreateApplication, product(batchId, model, series), actor);
}

let fileNo = 0;
/** Attaches a (referenced) file to a slot, as the gateway does after an upload. */
export async function attachFile(rpc: RpcCaller, actor: ActorContext, applicationId: string, slotId: string) {
  const sha256 = `${(++fileNo).toString(16).padStart(8, '0')}${randomUUID().replace(/-/g, '')}`.padEnd(64, 'c').slice(0, 64);
  const m = await rpc.request<{ id: string }>(
    AttachMaterial,
    { applicationId, slotId, fileName: `${slotId}.pdf`, size: 1000 + fileNo, mediaType: 'pdf', sha256, objectKey: `sha256/${sha256.slice(0, 2)}/${sha256}` },
    actor,
  );
  return { slotId, materialId: m.id };
}

/**
 * An autosave, then the application as read afterwards. The save answers only its revision
 * (update-draft.v2); this checks that answer against the stored application.
 */
export async function saveDraft<T extends AppView = AppView>(rpc: RpcCaller, actor: ActorContext, input: Partial<UpdateApplicationDraftV1> & { applicationId: string; expectedRevision: number }): Promise<T> {
  const saved = await rpc.request<{ id: string; state: string; revision: number; savedAt: string }>(UpdateApplicationDraft, input as UpdateApplicationDraftV1, actor);
  const view = await rpc.request<T>(GetApplication, { applicationId: input.applicationId }, actor);
  if (saved.id !== view.id || saved.revision !== view.revision || saved.state !== view.state || Number.isNaN(Date.parse(saved.savedAt))) {
    throw new Error(`the save answered ${JSON.stringify(saved)}, the stored application is at revision ${view.revision} (${view.state})`);
  }
  return view;
}

/**
 * Fills every declaration and form field (M2, M5, M6) and attaches a file to every required slot
 * (M7.4) of the draft profile, or to the slots given (another profile's list).
 */
export async function completeDraft(rpc: RpcCaller, actor: ActorContext, app: AppView, change: Partial<UpdateApplicationDraftV1> = {}, slots = requiredSlots()) {
  const saved = await saveDraft(rpc, actor, {
    applicationId: app.id,
    expectedRevision: app.revision,
    ...completeFormFields(),
    ...change,
    declarations: { ...completeFormFields().declarations, ...change.declarations },
  });
  for (const slotId of slots) await attachFile(rpc, actor, app.id, slotId);
  return saved;
}

/** Files uploaded before into a draft of the enterprise, one per required slot, for one-request submissions. */
export async function uploadedFiles(rpc: RpcCaller, actor: ActorContext, batchId: string) {
  const draft = await createApplication(rpc, actor, batchId, `FILES-${randomUUID().slice(0, 8)}`);
  const refs = [];
  for (const slotId of requiredSlots()) refs.push(await attachFile(rpc, actor, draft.id, slotId));
  return refs;
}

/** The whole application in one request (every declaration answered, the pledge signed), with these files. */
export const completeSubmission = (batchId: string, materials: Array<{ slotId: string; materialId: string }>, model?: string) => ({
  ...product(batchId, model),
  ...completeFormFields(),
  materials,
  pledgeVersion: CURRENT_PLEDGE_VERSION,
});

/** Submits the draft, signing the current truthfulness pledge (M10.1). */
export const submitDraft = (rpc: RpcCaller, actor: ActorContext, applicationId: string) =>
  rpc.request<AppView & { contentSha256: string; pledge: { version: string; textZh: string } }>(SubmitApplication, { applicationId, pledgeVersion: CURRENT_PLEDGE_VERSION }, actor);

/** A complete application (every declaration, every required file), created and submitted. */
export async function submittedApplication(rpc: RpcCaller, actor: ActorContext, batchId: string, model?: string, series?: string) {
  const app = await createApplication(rpc, actor, batchId, model, series);
  await completeDraft(rpc, actor, app);
  await submitDraft(rpc, actor, app.id);
  return app;
}

/** Counts rows of one of intake's tables in this run's schema. */
export async function count(env: TestEnv, table: string, where = 'TRUE', values: unknown[] = []): Promise<number> {
  const rows = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'intake')}"."${table}" WHERE ${where}`, values);
  return rows[0].n;
}

/** A new application, submitted, then returned for correction by the prefecture (its event, as preliminary review sends it). */
export async function submitAndReturn(env: TestEnv, rpc: RpcCaller, enterprise: ActorContext, batchId: string, eventId = randomUUID()) {
  const app = await submittedApplication(rpc, enterprise, batchId);
  const returned = {
    applicationId: app.id,
    items: [{ item: 'testReport', reason: '检测报告缺少资质证书页' }],
    deadline: new Date(Date.now() + 8 * 3600_000 + 10 * day).toISOString().slice(0, 10),
    returnedBy: 'officer-baotou',
    returnedAt: new Date().toISOString(),
  };
  await publishEvent(env, ApplicationReturned, returned, { eventId });
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'intake-corrections-returned');
  return { app, returned, eventId };
}

/**
 * A submitted application with one material, and whether an actor can list and download its
 * materials (404 when not: reviewers' access, shared by reviewer-access and its handover spec).
 */
export async function submittedWithOneMaterial(rpc: RpcCaller, enterprise: ActorContext) {
  const batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  const app = await createApplication(rpc, enterprise, batchId);
  const sha256 = 'cd'.repeat(32);
  const material = await rpc.request<{ id: string }>(
    AttachMaterial,
    { applicationId: app.id, slotId: 'testReport', fileName: '检测报告.pdf', size: 2048, mediaType: 'pdf', sha256, objectKey: `sha256/cd/${sha256}` },
    enterprise,
  );
  await completeDraft(rpc, enterprise, app);
  await submitDraft(rpc, enterprise, app.id);
  const ids = { applicationId: app.id, materialId: material.id };
  const canRead = async (actor: ActorContext) => {
    try {
      await rpc.request(ListMaterials, { applicationId: ids.applicationId }, actor);
      await rpc.request(AuthorizeMaterialDownload, ids, actor);
      return true;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw err;
    }
  };
  return { ...ids, canRead };
}
