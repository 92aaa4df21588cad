import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AcceptAssignment as AcceptAssignmentContract,
  AssignExpert as AssignExpertContract,
  CommissionInstitution as CommissionInstitutionContract,
  CompleteReview as CompleteReviewContract,
  ListCommissions,
  ListExperts,
  ListInstitutions,
  ListReviews,
  SearchReviews as SearchReviewsContract,
  ScoreApplication as ScoreApplicationContract,
} from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { AcceptAssignment } from './assignments/accept-assignment';
import { AssignExpert } from './assignments/assign-expert';
import { ScoreApplication } from './assignments/score-application';
import { CommissionInstitution } from './commissions/commission-institution';
import { CompleteReview } from './reviews/complete-review';
import { ReadCommissions } from './commissions/read-commissions';
import { ReadExpertPool } from './experts/read-expert-pool';
import { ReadReviews } from './reviews/read-reviews';
import { SearchReviews } from './reviews/search-reviews';

/** Expert management's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class ExpertManagementHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly commissionInstitution: CommissionInstitution,
    private readonly assignExpert: AssignExpert,
    private readonly acceptAssignment: AcceptAssignment,
    private readonly scoreApplication: ScoreApplication,
    private readonly completeReview: CompleteReview,
    private readonly readReviews: ReadReviews,
    private readonly searchReviews: SearchReviews,
    private readonly expertPool: ReadExpertPool,
    private readonly readCommissions: ReadCommissions,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, CommissionInstitutionContract, (p, m) => this.commissionInstitution.execute(p, m));
    await handleRpc(this.rpc, AssignExpertContract, (p, m) => this.assignExpert.execute(p, m));
    await handleRpc(this.rpc, AcceptAssignmentContract, (p, m) => this.acceptAssignment.execute(p, m));
    await handleRpc(this.rpc, ScoreApplicationContract, (p, m) => this.scoreApplication.execute(p, m));
    await handleRpc(this.rpc, CompleteReviewContract, (p, m) => this.completeReview.execute(p, m));
    await handleRpc(this.rpc, ListReviews, (p, m) => this.readReviews.list(p, m));
    await handleRpc(this.rpc, SearchReviewsContract, (p, m) => this.searchReviews.execute(p, m));
    await handleRpc(this.rpc, ListExperts, (p, m) => this.expertPool.execute(p, m));
    await handleRpc(this.rpc, ListInstitutions, (p, m) => this.readCommissions.institutions(p, m));
    await handleRpc(this.rpc, ListCommissions, (p, m) => this.readCommissions.commissions(p, m));
  }
}
