import { Controller, Delete, Get, Head, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttachMaterial, AuthorizeMaterialDownload, ListMaterials, RemoveMaterial } from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiNoContent, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { sendStoredFile } from '../http/send-file';
import { uploadMaterial } from './material-upload';
import { OBJECT_STORE } from './uploads.config';
import { ResumableUploads } from './resumable-upload';

/**
 * Materials (M7.4) over HTTP: uploads stream into object storage here and only their reference
 * goes to intake over NATS; downloads are authorized and audited by intake, then streamed.
 */
@ApiTags('申报材料 Materials')
@ApiBearerAuth()
@Controller()
export class UploadsController {
  private readonly resumable: ResumableUploads;

  constructor(
    private readonly services: ServiceCaller,
    @Inject(OBJECT_STORE) private readonly store: ObjectStorage,
  ) {
    this.resumable = new ResumableUploads(services, this.store);
  }

  @Post('applications/:id/materials/:slotId')
  @Roles('enterprise')
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'percent-encoded UTF-8 file name' })
  @ApiOperation({ summary: '上传申报材料 / Upload a file into a slot of the checklist (M7.4); the body is the file' })
  @ApiReply(AttachMaterial, 201)
  upload(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id', ParseUUIDPipe) applicationId: string,
    @Param('slotId') slotId: string,
  ) {
    return uploadMaterial(this.services, this.store, req, res, { applicationId, slotId });
  }

  @Get('applications/:id/materials')
  @ApiOperation({ summary: '申报材料列表 / The application\'s files (the enterprise, its prefecture, the Department)' })
  @ApiReply(ListMaterials)
  list(@Req() req: Request, @Param('id', ParseUUIDPipe) applicationId: string) {
    return this.services.call(req, ListMaterials, { applicationId });
  }

  @Delete('applications/:id/materials/:materialId')
  @Roles('enterprise')
  @ApiOperation({ summary: '删除草稿中的材料 / Remove a file from the draft' })
  @ApiReply(RemoveMaterial)
  remove(@Req() req: Request, @Param('id', ParseUUIDPipe) applicationId: string, @Param('materialId', ParseUUIDPipe) materialId: string) {
    return this.services.call(req, RemoveMaterial, { applicationId, materialId });
  }

  @Get('applications/:id/materials/:materialId/content')
  @ApiOperation({ summary: '下载申报材料 / Download a file (authorized and audited)' })
  @ApiFileReply('application/octet-stream')
  async download(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) applicationId: string,
    @Param('materialId', ParseUUIDPipe) materialId: string,
  ): Promise<void> {
    const grant = await this.services.call(req, AuthorizeMaterialDownload, { applicationId, materialId });
    await sendStoredFile(this.store, res, grant);
  }

  @Post('applications/:id/materials/:slotId/uploads')
  @Roles('enterprise')
  @ApiHeader({ name: 'Upload-Length', required: true })
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'percent-encoded UTF-8 file name' })
  @ApiOperation({ summary: '开始断点续传 / Start a resumable upload of a large file' })
  @ApiReply('UploadSessionV1', 201)
  createUpload(@Req() req: Request, @Param('id', ParseUUIDPipe) applicationId: string, @Param('slotId') slotId: string) {
    return this.resumable.create(req, { applicationId, slotId });
  }

  @Head('uploads/:uploadId')
  @Roles('enterprise')
  @ApiOperation({ summary: '已上传的位置 / The offset reached so far (Upload-Offset)' })
  @ApiResponse({ status: 200, description: '位置在 Upload-Offset 头中 / The offset is in the Upload-Offset header' })
  async uploadOffset(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Param('uploadId') uploadId: string) {
    const state = await this.resumable.offset(req, uploadId);
    res.set({ 'upload-offset': String(state.offset), 'upload-length': String(state.length), 'cache-control': 'no-store' });
  }

  @Patch('uploads/:uploadId')
  @HttpCode(204)
  @Roles('enterprise')
  @ApiConsumes('application/offset+octet-stream', 'application/octet-stream')
  @ApiHeader({ name: 'Upload-Offset', required: true })
  @ApiOperation({ summary: '续传一段 / Append a chunk at Upload-Offset; the last one finishes the upload (201)' })
  @ApiNoContent('已接收，未完成 / Chunk stored, the file is not complete yet')
  @ApiReply(AttachMaterial, 201)
  async appendUpload(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Param('uploadId') uploadId: string) {
    const out = await this.resumable.append(req, res, uploadId);
    res.status(out.status);
    const body = out.body as { offset?: number };
    if (body.offset !== undefined) res.set('upload-offset', String(body.offset));
    return out.status === 204 ? undefined : out.body;
  }
}
