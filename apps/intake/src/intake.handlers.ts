import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AttachMaterial as AttachMaterialContract,
  AuthorizeMaterialDownload,
  AuthorizeMaterialUpload,
  ListMaterials,
  FindUnreferencedObjects,
  RemoveMaterial,
  CheckApplication as CheckApplicationContract,
  GetEnterpriseProfile,
  UpdateEnterpriseProfile,
  CloseBatchWindow as CloseBatchWindowContract,
  CreateApplication as CreateApplicationContract,
  ExtendBatchWindow as ExtendBatchWindowContract,
  ListApplicationVersions,
  ListNotifications,
  MarkAllNotificationsRead,
  MarkNotificationRead,
  ResubmitApplication as ResubmitApplicationContract,
  UpdateApplicationDraft,
  WithdrawApplication as WithdrawApplicationContract,
  GetApplication,
  ListBatches,
  ListPolicyProfiles,
  GetCatalogue,
  ImportCatalogue as ImportCatalogueContract,
  ImportEarlierRecognitions as ImportEarlierRecognitionsContract,
  ListEarlierRecognitions,
  ListOwnApplications,
  OpenBatch as OpenBatchContract,
  RegisterEnterprise as RegisterEnterpriseContract,
  SubmitApplication as SubmitApplicationContract,
  SubmitCompleteApplication as SubmitCompleteApplicationContract,
} from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { OpenBatch } from './batches/open-batch';
import { ReadBatches } from './batches/read-batches';
import { ReadPolicyProfiles } from './policy/read-policy-profiles';
import { ImportCatalogue, ReadCatalogue } from './catalogues/import-catalogue';
import { ImportEarlierRecognitions, ReadEarlierRecognitions } from './earlier-recognitions/import-earlier-recognitions';
import { RegisterEnterprise } from './enterprises/register-enterprise';
import { CreateApplication } from './applications/create-application';
import { SubmitApplication } from './applications/submit-application';
import { SubmitCompleteApplication } from './applications/submit-complete-application';
import { ReadApplications } from './applications/read-applications';
import { ExtendBatchWindow } from './batches/extend-batch-window';
import { CloseBatchWindow } from './batches/close-batch-window';
import { UpdateDraft } from './applications/update-draft';
import { CheckApplication } from './applications/check-application';
import { ResubmitApplication } from './applications/resubmit-application';
import { WithdrawApplication } from './applications/withdraw-application';
import { ReadNotifications } from './notifications/read-notifications';
import { AuthorizeUpload } from './materials/authorize-upload';
import { AttachMaterial } from './materials/attach-material';
import { ReadMaterials } from './materials/read-materials';
import { EnterpriseProfile } from './enterprises/enterprise-profile';

/** Intake's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class IntakeHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly openBatch: OpenBatch,
    private readonly readBatches: ReadBatches,
    private readonly readPolicyProfiles: ReadPolicyProfiles,
    private readonly importCatalogue: ImportCatalogue,
    private readonly readCatalogue: ReadCatalogue,
    private readonly importEarlier: ImportEarlierRecognitions,
    private readonly readEarlier: ReadEarlierRecognitions,
    private readonly registerEnterprise: RegisterEnterprise,
    private readonly createApplication: CreateApplication,
    private readonly submitApplication: SubmitApplication,
    private readonly submitComplete: SubmitCompleteApplication,
    private readonly readApplications: ReadApplications,
    private readonly extendWindow: ExtendBatchWindow,
    private readonly closeWindow: CloseBatchWindow,
    private readonly updateDraft: UpdateDraft,
    private readonly checkApplication: CheckApplication,
    private readonly resubmitApplication: ResubmitApplication,
    private readonly withdrawApplication: WithdrawApplication,
    private readonly notifications: ReadNotifications,
    private readonly authorizeUpload: AuthorizeUpload,
    private readonly attachMaterial: AttachMaterial,
    private readonly materials: ReadMaterials,
    private readonly enterpriseProfile: EnterpriseProfile,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, OpenBatchContract, (p, m) => this.openBatch.execute(p, m));
    await handleRpc(this.rpc, ListBatches, (_p, m) => this.readBatches.list(m));
    await handleRpc(this.rpc, ListPolicyProfiles, () => this.readPolicyProfiles.list());
    await handleRpc(this.rpc, ImportCatalogueContract, (p, m) => this.importCatalogue.execute(p, m));
    await handleRpc(this.rpc, GetCatalogue, (p) => this.readCatalogue.get(p));
    await handleRpc(this.rpc, ImportEarlierRecognitionsContract, (p, m) => this.importEarlier.execute(p, m));
    await handleRpc(this.rpc, ListEarlierRecognitions, (_p, m) => this.readEarlier.list(m));
    await handleRpc(this.rpc, RegisterEnterpriseContract, (p, m) => this.registerEnterprise.execute(p, m));
    await handleRpc(this.rpc, CreateApplicationContract, (p, m) => this.createApplication.execute(p, m));
    await handleRpc(this.rpc, SubmitApplicationContract, (p, m) => this.submitApplication.execute(p, m));
    await handleRpc(this.rpc, SubmitCompleteApplicationContract, (p, m) => this.submitComplete.execute(p, m));
    await handleRpc(this.rpc, GetApplication, (p, m) => this.readApplications.get(p.applicationId, m));
    await handleRpc(this.rpc, ListOwnApplications, (p, m) => this.readApplications.listOwn(p, m));
    await handleRpc(this.rpc, ExtendBatchWindowContract, (p, m) => this.extendWindow.execute(p, m));
    await handleRpc(this.rpc, CloseBatchWindowContract, (p, m) => this.closeWindow.execute(p, m));
    await handleRpc(this.rpc, UpdateApplicationDraft, (p, m) => this.updateDraft.execute(p, m));
    await handleRpc(this.rpc, CheckApplicationContract, (p, m) => this.checkApplication.execute(p, m));
    await handleRpc(this.rpc, ResubmitApplicationContract, (p, m) => this.resubmitApplication.execute(p, m));
    await handleRpc(this.rpc, WithdrawApplicationContract, (p, m) => this.withdrawApplication.execute(p, m));
    await handleRpc(this.rpc, ListApplicationVersions, (p, m) => this.readApplications.versions(p.applicationId, m));
    await handleRpc(this.rpc, ListNotifications, (p, m) => this.notifications.list(p, m));
    await handleRpc(this.rpc, MarkAllNotificationsRead, (_p, m) => this.notifications.markAllRead(m));
    await handleRpc(this.rpc, MarkNotificationRead, (p, m) => this.notifications.markRead(p, m));
    await handleRpc(this.rpc, AuthorizeMaterialUpload, (p, m) => this.authorizeUpload.execute(p, m));
    await handleRpc(this.rpc, AttachMaterialContract, (p, m) => this.attachMaterial.execute(p, m));
    await handleRpc(this.rpc, ListMaterials, (p, m) => this.materials.list(p, m));
    await handleRpc(this.rpc, FindUnreferencedObjects, (p, m) => this.materials.unreferenced(p, m));
    await handleRpc(this.rpc, RemoveMaterial, (p, m) => this.materials.remove(p, m));
    await handleRpc(this.rpc, AuthorizeMaterialDownload, (p, m) => this.materials.authorizeDownload(p, m));
    await handleRpc(this.rpc, UpdateEnterpriseProfile, (p, m) => this.enterpriseProfile.update(p, m));
    await handleRpc(this.rpc, GetEnterpriseProfile, (_p, m) => this.enterpriseProfile.get(m));
  }
}
