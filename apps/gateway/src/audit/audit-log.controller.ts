import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { contentDisposition } from '../uploads/file-name';
import { AuditLog } from './audit-log';
import { AuditLogQueryV1 } from './audit-log.query';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The audit log across services, for the Department and auditors only (ADR 0028). */
@ApiTags('审计日志 Audit log')
@ApiBearerAuth()
@Controller('audit')
export class AuditLogController {
  constructor(private readonly log: AuditLog) {}

  @Get('records')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '检索审计记录（跨服务，按时间倒序，游标翻页） / Search the audit records of every service, newest first, by cursor' })
  @ApiReply('AuditLogPageV1')
  search(@Req() req: Request, @Query() query: AuditLogQueryV1) {
    return this.log.page(req, query);
  }

  @Get('records.xlsx')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '导出所选审计记录（Excel，导出本身记入审计） / Export the selected audit records as XLSX (the export is audited)' })
  @ApiFileReply(XLSX)
  async export(@Req() req: Request, @Res() res: Response, @Query() query: AuditLogQueryV1) {
    const file = await this.log.export(req, query);
    res.status(200).setHeader('Content-Type', XLSX).setHeader('Content-Disposition', contentDisposition(file.fileName)).setHeader('Content-Length', file.body.length).end(file.body);
  }
}
