import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AmendRecognition,
  GetRecognitionHistory,
  SearchPublicRecognitions,
  SearchPublicRecognitionsV1,
  VerifyRecognition,
  VerifyRecognitionV1,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { AmendRecognitionBody } from './registry.bodies';

/** The registry of recognized products (M13.1, M13.2): public search and verification, the Department's amendments. */
@ApiTags('认定名录 Registry')
@ApiBearerAuth()
@Controller()
export class RegistryController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('public/recognitions')
  @Public()
  @ApiOperation({ summary: '已认定产品名录：检索、筛选、分页（公开） / The public registry, searched and paged (M13.1)' })
  @ApiReply(SearchPublicRecognitions)
  search(@Req() req: Request, @Query() query: SearchPublicRecognitionsV1) {
    return this.services.call(req, SearchPublicRecognitions, query);
  }

  @Get('public/verify')
  @Public()
  @ApiOperation({ summary: '按认定文件号或证书编号查验（公开） / Verify a document or certificate number (M13.1, M13.2)' })
  @ApiReply(VerifyRecognition)
  verify(@Req() req: Request, @Query() query: VerifyRecognitionV1) {
    return this.services.call(req, VerifyRecognition, query);
  }

  @Get('registry/:id/history')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '名录条目的变更记录 / A registry entry\'s history (M13.1)' })
  @ApiReply(GetRecognitionHistory)
  history(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetRecognitionHistory, { recognitionId: id });
  }

  @Post('registry/:id/amend')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '更正名录条目（如企业更名） / Amend a registry entry, e.g. a renamed enterprise (M13.1)' })
  @ApiBody({ type: AmendRecognitionBody })
  @ApiReply(AmendRecognition)
  amend(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AmendRecognitionBody) {
    return this.services.call(req, AmendRecognition, { recognitionId: id, ...body });
  }
}
