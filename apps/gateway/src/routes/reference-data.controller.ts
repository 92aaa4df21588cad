import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  GetCatalogue,
  ImportCatalogue,
  ImportCatalogueV1,
  ImportEarlierRecognitions,
  ListEarlierRecognitions,
  SpreadsheetUploadV1,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';

/** Reference data the Department keeps: the new-materials catalogue (M4.3) and earlier recognitions (M6.4). */
@ApiTags('参考数据 Reference data')
@ApiBearerAuth()
@Controller()
export class ReferenceDataController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('catalogues/:catalogueId/:version')
  @Public()
  @ApiOperation({ summary: '认定范围目录 / A scope catalogue version (M4.2, M4.3)' })
  @ApiReply(GetCatalogue)
  getCatalogue(@Req() req: Request, @Param('catalogueId') catalogueId: string, @Param('version') version: string) {
    return this.services.call(req, GetCatalogue, { catalogueId, version });
  }

  @Post('catalogues/imports')
  @Roles('department_officer')
  @ApiOperation({ summary: '导入新材料目录（预览或确认）/ Import a new-materials catalogue version, preview or commit (M4.3)' })
  @ApiBody({ type: ImportCatalogueV1 })
  @ApiReply(ImportCatalogue)
  importCatalogue(@Req() req: Request, @Body() body: ImportCatalogueV1) {
    return this.services.call(req, ImportCatalogue, body);
  }

  @Post('earlier-recognitions/imports')
  @Roles('department_officer')
  @ApiOperation({ summary: '导入平台前已认定名单（预览或确认）/ Import recognitions made before the platform, preview or commit (M6.4)' })
  @ApiBody({ type: SpreadsheetUploadV1 })
  @ApiReply(ImportEarlierRecognitions)
  importEarlierRecognitions(@Req() req: Request, @Body() body: SpreadsheetUploadV1) {
    return this.services.call(req, ImportEarlierRecognitions, body);
  }

  @Get('earlier-recognitions')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '平台前已认定名单 / Recognitions imported from before the platform (M6.4)' })
  @ApiReply(ListEarlierRecognitions)
  listEarlierRecognitions(@Req() req: Request) {
    return this.services.call(req, ListEarlierRecognitions, {});
  }
}
