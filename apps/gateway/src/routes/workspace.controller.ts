import { Controller, Get, Logger, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  GetComplianceWorkload,
  GetExpertManagementWorkload,
  GetIntakeWorkload,
  GetPreliminaryReviewWorkload,
  GetPublicityWorkload,
  MessageContract,
  WorkloadV1,
  WorkspaceHomeSectionV1,
  WorkspaceHomeV1,
} from '@firstset/contracts';
import type { ActorContext } from '@firstset/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';

type Service = WorkspaceHomeSectionV1['service'];

/** Which services hold a role's work (each answers for the caller's binding, authorized there). */
const SOURCES: Record<ActorContext['role'], readonly [Service, MessageContract<unknown, WorkloadV1>][]> = {
  enterprise: [['intake', GetIntakeWorkload]],
  prefecture_officer: [['preliminary-review', GetPreliminaryReviewWorkload]],
  department_officer: [
    ['intake', GetIntakeWorkload],
    ['publicity', GetPublicityWorkload],
    ['compliance', GetComplianceWorkload],
  ],
  auditor: [
    ['intake', GetIntakeWorkload],
    ['publicity', GetPublicityWorkload],
    ['compliance', GetComplianceWorkload],
  ],
  expert: [['expert-management', GetExpertManagementWorkload]],
  institution_staff: [['expert-management', GetExpertManagementWorkload]],
};

/** A home that waits longer than this for one service shows that service as unavailable. */
export const WORKLOAD_TIMEOUT_MS = 3_000;

/**
 * The workspace home (ADR 0030): the caller's work, asked of every service that owns part of it
 * in parallel and composed here; a service that does not answer in time, or fails, yields its
 * section marked unavailable instead of failing the page.
 */
@ApiTags('工作台 Workspace')
@ApiBearerAuth()
@Controller('workspace')
export class WorkspaceController {
  private readonly logger = new Logger(WorkspaceController.name);

  constructor(private readonly services: ServiceCaller) {}

  @Get('home')
  @Roles('enterprise', 'prefecture_officer', 'department_officer', 'auditor', 'institution_staff', 'expert')
  @ApiOperation({ summary: '工作台待办：各服务按本人角色与辖区答复的待办数量与最近期限 / The caller\'s work waiting in each service, with the nearest deadlines' })
  @ApiReply('WorkspaceHomeV1')
  async home(@Req() req: Request): Promise<WorkspaceHomeV1> {
    const role = (req as Request & { actor: ActorContext }).actor.role;
    const sections = await Promise.all(
      (SOURCES[role] ?? []).map(async ([service, contract]): Promise<WorkspaceHomeSectionV1> => {
        try {
          const { items } = await this.services.call(req, contract, {}, { timeoutMs: WORKLOAD_TIMEOUT_MS });
          return { service, available: true, items };
        } catch (err) {
          this.logger.warn(`workspace home: ${service} did not answer (${(err as Error).message})`);
          return { service, available: false, items: [] };
        }
      }),
    );
    return { sections };
  }
}
