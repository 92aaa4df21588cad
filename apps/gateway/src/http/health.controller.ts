import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { healthCheckContract } from '@firstset/contracts';
import { MessagingHealth, RemoteServiceError } from '@firstset/messaging';
import { HealthReport, PRISMA, runProbes } from '@firstset/service-kit';
import { Public } from '../auth/auth.decorators';
import { Db } from '../prisma';
import { ApiReply } from './api-reply';
import { ServiceCaller } from './service-caller';

export const SERVICES = ['intake', 'preliminary-review', 'expert-management', 'publicity', 'compliance', 'oversight'];

@ApiTags('健康检查 Health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly messaging: MessagingHealth,
    private readonly services: ServiceCaller,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the gateway process answers' })
  @ApiReply('LivenessV1')
  live() {
    return { status: 'ok', service: 'gateway' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the gateway reaches PostgreSQL and NATS' })
  @ApiReply('HealthReportV1')
  async ready(@Res({ passthrough: true }) res: Response) {
    const report = await runProbes('gateway', {
      postgres: async () => void (await this.db.$queryRawUnsafe('SELECT 1')),
      nats: async () => {
        if ((await this.messaging.check()).nats !== 'up') throw new Error('NATS does not answer');
      },
    });
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('services')
  @ApiOperation({ summary: 'Readiness of every service, asked over NATS' })
  @ApiReply('HealthReportV1')
  async all(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const entries = await Promise.all(
      SERVICES.map(async (name): Promise<[string, HealthReport | { status: 'error'; error: string }]> => {
        try {
          return [name, (await this.services.call(req, healthCheckContract(name), {})) as HealthReport];
        } catch (err) {
          return [name, { status: 'error', error: err instanceof RemoteServiceError ? err.error.code : String(err) }];
        }
      }),
    );
    const services = Object.fromEntries(entries);
    const status = entries.every(([, r]) => r.status === 'ok') ? 'ok' : 'error';
    res.status(status === 'ok' ? 200 : 503);
    return { status, services };
  }
}
