import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EndCommission, GetInstitution, RegisterInstitution, RegisterInstitutionV1, UpdateInstitution } from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { EndCommissionBody, UpdateInstitutionBody } from './bodies';

/** The Department's records of third-party institutions and the end of a commission (M8.1, M10.3). */
@ApiTags('第三方机构 Institutions')
@ApiBearerAuth()
@Controller()
export class InstitutionsController {
  constructor(private readonly services: ServiceCaller) {}

  @Post('institutions')
  @Roles('department_officer')
  @ApiOperation({ summary: '登记第三方机构 / Register an institution (M8.1)' })
  @ApiBody({ type: RegisterInstitutionV1 })
  @ApiReply(RegisterInstitution, 201)
  register(@Req() req: Request, @Body() body: RegisterInstitutionV1) {
    return this.services.call(req, RegisterInstitution, body);
  }

  @Get('institutions/:id')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '第三方机构详情及委托记录 / An institution with its commissions (M8.1, M10.3)' })
  @ApiReply(GetInstitution)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetInstitution, { id });
  }

  @Put('institutions/:id')
  @Roles('department_officer')
  @ApiOperation({ summary: '修改第三方机构信息（按读取时的版本） / Edit an institution from the version read (M8.1)' })
  @ApiBody({ type: UpdateInstitutionBody })
  @ApiReply(UpdateInstitution)
  update(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateInstitutionBody) {
    return this.services.call(req, UpdateInstitution, { ...body, id });
  }

  @Post('commissions/:id/end')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '终止委托（可同时委托接续机构） / End a commission, optionally commissioning a replacement (M8.1)' })
  @ApiBody({ type: EndCommissionBody })
  @ApiReply(EndCommission)
  end(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: EndCommissionBody) {
    return this.services.call(req, EndCommission, { ...body, commissionId: id });
  }
}
