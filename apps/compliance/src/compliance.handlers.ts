import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DisqualifyExpert as DisqualifyExpertContract,
  ExpireDueRecognitions as ExpireDueRecognitionsContract,
  ImposeInstitutionBan as ImposeInstitutionBanContract,
  ListApplicantBans,
  ListExpertDisqualifications,
  ListInstitutionBans,
  ListRecognitions,
  RevokeRecognition as RevokeRecognitionContract,
} from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { ReadRecognitions } from './recognitions/read-recognitions';
import { ExpireDueRecognitions } from './recognitions/expire-recognitions';
import { RevokeRecognition } from './revocations/revoke-recognition';
import { ReadApplicantBans } from './bans/read-applicant-bans';
import { ImposeInstitutionBan } from './sanctions/impose-institution-ban';
import { DisqualifyExpert } from './sanctions/disqualify-expert';
import { ReadSanctions } from './sanctions/read-sanctions';

/** Compliance's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class ComplianceHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly readRecognitions: ReadRecognitions,
    private readonly revokeRecognition: RevokeRecognition,
    private readonly readApplicantBans: ReadApplicantBans,
    private readonly imposeInstitutionBan: ImposeInstitutionBan,
    private readonly disqualifyExpert: DisqualifyExpert,
    private readonly readSanctions: ReadSanctions,
    private readonly expireDue: ExpireDueRecognitions,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, ListRecognitions, (_p, m) => this.readRecognitions.list(m));
    await handleRpc(this.rpc, RevokeRecognitionContract, (p, m) => this.revokeRecognition.execute(p, m));
    await handleRpc(this.rpc, ListApplicantBans, (_p, m) => this.readApplicantBans.list(m));
    await handleRpc(this.rpc, ImposeInstitutionBanContract, (p, m) => this.imposeInstitutionBan.execute(p, m));
    await handleRpc(this.rpc, DisqualifyExpertContract, (p, m) => this.disqualifyExpert.execute(p, m));
    await handleRpc(this.rpc, ListInstitutionBans, (_p, m) => this.readSanctions.institutionBans(m));
    await handleRpc(this.rpc, ExpireDueRecognitionsContract, (_p, m) => this.expireDue.execute(m));
    await handleRpc(this.rpc, ListExpertDisqualifications, (_p, m) => this.readSanctions.expertDisqualifications(m));
  }
}
