import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CreateApplication,
  CreateApplicationV1,
  GetApplication,
  ListBatches,
  ListOwnApplications,
  OpenBatch,
  OpenBatchV1,
  RegisterEnterprise,
  RegisterEnterpriseV1,
  SubmitApplication,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ServiceCaller } from '../http/service-caller';

@ApiTags('申报 Intake')
@ApiBearerAuth()
@Controller()
export class IntakeController {
  constructor(private readonly services: ServiceCaller) {}

  @Post('batches')
  @Roles('department_officer')
  @ApiOperation({ summary: '开启年度申报批次 / Open the annual batch (M7.1)' })
  @ApiBody({ type: OpenBatchV1 })
  openBatch(@Req() req: Request, @Body() body: OpenBatchV1) {
    return this.services.call(req, OpenBatch, body);
  }

  @Get('batches')
  @Public()
  @ApiOperation({ summary: '申报批次 / Annual batches' })
  listBatches(@Req() req: Request) {
    return this.services.call(req, ListBatches, {});
  }

  @Put('enterprise/profile')
  @Roles('enterprise')
  @ApiOperation({ summary: '企业信息 / Register or update the enterprise profile (M5.1, M7.2)' })
  @ApiBody({ type: RegisterEnterpriseV1 })
  registerEnterprise(@Req() req: Request, @Body() body: RegisterEnterpriseV1) {
    return this.services.call(req, RegisterEnterprise, body);
  }

  @Post('applications')
  @Roles('enterprise')
  @ApiOperation({ summary: '新建申报 / Start an application' })
  @ApiBody({ type: CreateApplicationV1 })
  create(@Req() req: Request, @Body() body: CreateApplicationV1) {
    return this.services.call(req, CreateApplication, body);
  }

  @Get('applications')
  @Roles('enterprise')
  @ApiOperation({ summary: '本企业的申报 / Own applications' })
  listOwn(@Req() req: Request) {
    return this.services.call(req, ListOwnApplications, {});
  }

  @Get('applications/:id')
  @Roles('enterprise', 'prefecture_officer', 'department_officer', 'auditor')
  @ApiOperation({ summary: '申报状态与历程 / An application with its status history' })
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetApplication, { applicationId: id });
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '提交申报 / Submit to the prefecture (M7.2)' })
  submit(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, SubmitApplication, { applicationId: id });
  }
}
