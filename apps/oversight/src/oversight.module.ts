import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { DashboardsController } from './dashboards/dashboards.controller';
import { ExportDashboardChart } from './dashboards/export-dashboard-chart';
import { ReadDashboard } from './dashboards/read-dashboard';
import { PipelineConsumer } from './projection/pipeline.consumer';
import { ProjectionStore } from './projection/projection-store';
import { ReviewAndPublicityConsumer } from './projection/review-and-publicity.consumer';
import { SanctionsConsumer } from './projection/sanctions.consumer';
import { createPrisma } from './prisma';

/** The dashboards' service (ADR 0029): a projection fed by every service's events, and its queries. */
export function oversightModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [DashboardsController, PipelineConsumer, ReviewAndPublicityConsumer, SanctionsConsumer],
    providers: [ProjectionStore, ReadDashboard, ExportDashboardChart],
  })
  class OversightModule {}
  return OversightModule;
}
