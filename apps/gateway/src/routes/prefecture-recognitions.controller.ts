import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ExportPrefectureRecognitions, ListPrefectureExpiryNotices, ListPrefectureRecognitions, ListPrefectureRecognitionsV1 } from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { contentDisposition } from '../uploads/file-name';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The prefecture's recognized products (M14) and the expiry notices about them (M13.2). The
 * prefecture is the signed-in officer's (its token), never a parameter: another prefecture's
 * products cannot be asked for.
 */
@ApiTags('认定名录 Registry')
@ApiBearerAuth()
@Controller('prefecture')
export class PrefectureRecognitionsController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('recognitions')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '本盟市已认定产品：筛选、分页 / My prefecture\'s recognized products, filtered and paged (M14)' })
  @ApiReply(ListPrefectureRecognitions)
  list(@Req() req: Request, @Query() query: ListPrefectureRecognitionsV1) {
    return this.services.call(req, ListPrefectureRecognitions, query);
  }

  @Get('recognitions.xlsx')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '导出本盟市已认定产品（Excel） / Export my prefecture\'s recognized products as XLSX (M14)' })
  @ApiFileReply(XLSX)
  async export(@Req() req: Request, @Res() res: Response, @Query() query: ListPrefectureRecognitionsV1) {
    const file = await this.services.call(req, ExportPrefectureRecognitions, query);
    const body = Buffer.from(file.base64, 'base64');
    res.status(200).setHeader('Content-Type', file.contentType).setHeader('Content-Disposition', contentDisposition(file.fileName)).setHeader('Content-Length', body.length).end(body);
  }

  @Get('expiry-notices')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '认定到期提醒（本盟市） / Expiry notices about my prefecture\'s recognitions (M13.2)' })
  @ApiReply(ListPrefectureExpiryNotices)
  expiryNotices(@Req() req: Request) {
    return this.services.call(req, ListPrefectureExpiryNotices, {});
  }
}
