import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CreateApplication as CreateApplicationContract,
  GetApplication,
  ListBatches,
  ListOwnApplications,
  OpenBatch as OpenBatchContract,
  RegisterEnterprise as RegisterEnterpriseContract,
  SubmitApplication as SubmitApplicationContract,
} from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { OpenBatch } from './batches/open-batch';
import { ReadBatches } from './batches/read-batches';
import { RegisterEnterprise } from './enterprises/register-enterprise';
import { CreateApplication } from './applications/create-application';
import { SubmitApplication } from './applications/submit-application';
import { ReadApplications } from './applications/read-applications';

/** Intake's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class IntakeHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly openBatch: OpenBatch,
    private readonly readBatches: ReadBatches,
    private readonly registerEnterprise: RegisterEnterprise,
    private readonly createApplication: CreateApplication,
    private readonly submitApplication: SubmitApplication,
    private readonly readApplications: ReadApplications,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, OpenBatchContract, (p, m) => this.openBatch.execute(p, m));
    await handleRpc(this.rpc, ListBatches, (_p, m) => this.readBatches.list(m));
    await handleRpc(this.rpc, RegisterEnterpriseContract, (p, m) => this.registerEnterprise.execute(p, m));
    await handleRpc(this.rpc, CreateApplicationContract, (p, m) => this.createApplication.execute(p, m));
    await handleRpc(this.rpc, SubmitApplicationContract, (p, m) => this.submitApplication.execute(p, m));
    await handleRpc(this.rpc, GetApplication, (p, m) => this.readApplications.get(p.applicationId, m));
    await handleRpc(this.rpc, ListOwnApplications, (_p, m) => this.readApplications.listOwn(m));
  }
}
