import { StagingSweeper } from './uploads/staging-sweeper';
import { createObjectStore, OBJECT_STORE } from './uploads/uploads.config';
import type { ObjectStorage } from '@firstset/object-storage';
import { ObjectSweeper } from './uploads/object-sweeper';
import { EnterpriseUsersController } from './accounts/enterprise-users.controller';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingModule } from '@firstset/messaging';
import { natsAuthOf, ServiceKitModule } from '@firstset/service-kit';
import { AuthController } from './auth/auth.controller';
import { AccountSecurityController } from './auth/account-security.controller';
import { SignInFailures } from './auth/sign-in-failures';
import { OfficerAccountsController } from './accounts/officer-accounts.controller';
import { AccountAdmin } from './accounts/account-admin';
import { OfficerDirectory } from './accounts/officer-directory';
import { AuthGuard } from './auth/auth.guard';
import { IdentityProvider } from './auth/identity-provider';
import { LocalAccountsProvider } from './auth/local-accounts.provider';
import { TokenService } from './auth/token.service';
import { TokenRevocations } from './auth/token-revocations';
import { GatewayConfig } from './config';
import { HealthController } from './http/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { throttlerOptions, UserThrottlerGuard } from './http/throttling';
import { ServiceCaller } from './http/service-caller';
import { createPrisma } from './prisma';
import { IntakeController } from './routes/intake.controller';
import { ReferenceDataController } from './routes/reference-data.controller';
import { ComplianceController, PublicityController } from './routes/publicity.controller';
import { ComplianceCasesController } from './routes/compliance-cases.controller';
import { DashboardsController } from './routes/dashboards.controller';
import { TrackingEvaluationsController } from './routes/tracking-evaluations.controller';
import { ExpertManagementController } from './routes/expert-management.controller';
import { InstitutionsController } from './routes/institutions.controller';
import { ExpertPoolController } from './routes/expert-pool.controller';
import { ReviewReportsController } from './routes/review-reports.controller';
import { ExpertReviewController } from './routes/expert-review.controller';
import { PreliminaryReviewController } from './routes/preliminary-review.controller';
import { PanelsController } from './routes/panels.controller';
import { RegistryController } from './routes/registry.controller';
import { PrefectureRecognitionsController } from './routes/prefecture-recognitions.controller';
import { IssuingController } from './routes/issuing.controller';
import { SiteVisitsController } from './routes/site-visits.controller';
import { ObjectionsController } from './routes/objections.controller';
import { WorkspaceController } from './routes/workspace.controller';
import { UploadsController } from './uploads/uploads.controller';
import { AuditLog } from './audit/audit-log';
import { AuditLogController } from './audit/audit-log.controller';

export function gatewayModule(config: GatewayConfig) {
  @Module({
    imports: [
      ServiceKitModule.forRoot({ config, createPrisma }),
      ThrottlerModule.forRoot(throttlerOptions(config)),
      // The gateway publishes no events: request/reply only, so no outbox relay or consumers.
      MessagingModule.forRoot({
        serviceName: 'gateway',
        natsUrl: config.natsUrl,
        // The gateway's own NATS user may only send requests (ADR 0013).
        natsAuth: natsAuthOf(config),
        namespace: config.natsNamespace,
        rpcTimeoutMs: 10_000,
        actorSigningKey: config.actorSigningKey,
      }),
    ],
    controllers: [
      AuthController,
      HealthController,
      IntakeController,
      ReferenceDataController,
      PreliminaryReviewController,
      ExpertManagementController,
      InstitutionsController,
      PanelsController,
      ExpertPoolController,
      ReviewReportsController,
      ExpertReviewController,
      SiteVisitsController,
      PublicityController,
      ComplianceController,
      ComplianceCasesController,
      DashboardsController,
      TrackingEvaluationsController,
      RegistryController,
      WorkspaceController,
      PrefectureRecognitionsController,
      IssuingController,
      ObjectionsController,
      UploadsController,
      EnterpriseUsersController,
      AccountSecurityController,
      OfficerAccountsController,
      AuditLogController,
    ],
    providers: [
      TokenService,
      TokenRevocations,
      SignInFailures,
      OfficerDirectory,
      AccountAdmin,
      AuditLog,
      { provide: OBJECT_STORE, useFactory: () => createObjectStore() },
      { provide: StagingSweeper, useFactory: (store: ObjectStorage) => new StagingSweeper(store.stagingDir), inject: [OBJECT_STORE] },
      ObjectSweeper,
      ServiceCaller,
      { provide: IdentityProvider, useClass: LocalAccountsProvider },
      // Authentication first, so that limits count per user.
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_GUARD, useClass: UserThrottlerGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
