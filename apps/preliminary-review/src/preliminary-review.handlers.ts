import { Injectable, OnModuleInit } from '@nestjs/common';
import { GetReviewCase, ListReviewQueue, RecommendApplication as RecommendApplicationContract } from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { ReadReviewCases } from './cases/read-review-cases';
import { RecommendApplication } from './cases/recommend-application';

/** Preliminary review's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class PreliminaryReviewHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly readCases: ReadReviewCases,
    private readonly recommend: RecommendApplication,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, ListReviewQueue, (p, m) => this.readCases.listQueue(p, m));
    await handleRpc(this.rpc, GetReviewCase, (p, m) => this.readCases.get(p.applicationId, m));
    await handleRpc(this.rpc, RecommendApplicationContract, (p, m) => this.recommend.execute(p, m));
  }
}
