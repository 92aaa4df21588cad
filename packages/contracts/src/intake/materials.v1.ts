import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { ApplicationRefDto } from '../common/dto';

/** A file name as shown to people: no path separators, no control characters, at most 255 characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the pattern refuses
export const SAFE_FILE_NAME = /^(?!\.{1,2}$)[^\u0000-\u001f\u007f/\\]{1,255}$/;

/** May the caller upload into this slot of this application, and within which limits? (M7.4) */
export class MaterialSlotRefV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @Matches(/^[a-zA-Z]{1,60}$/)
  slotId!: string;
}
export const AuthorizeMaterialUpload = defineQuery('intake.material.authorize-upload.v1', MaterialSlotRefV1, 'UploadGrantV1');

/**
 * A file the gateway streamed into object storage and inspected (type by content, hash): intake
 * records it against the slot. The file itself never travels over NATS, only its reference.
 */
export class AttachMaterialV1 extends MaterialSlotRefV1 {
  @IsString()
  @Matches(SAFE_FILE_NAME, { message: '须为不含路径和控制字符的文件名 / must be a plain file name without path or control characters' })
  fileName!: string;

  @IsInt()
  @Min(1)
  size!: number;

  @IsIn(['pdf', 'ofd', 'jpg', 'png', 'docx', 'xlsx'])
  mediaType!: string;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sm3?: string;

  @IsString()
  @MaxLength(512)
  @Matches(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/)
  objectKey!: string;
}
export const AttachMaterial = defineCommand('intake.material.attach.v1', AttachMaterialV1, 'MaterialViewV1');

/** The application's current materials, slot by slot. */
export const ListMaterials = defineQuery('intake.material.list.v1', ApplicationRefDto, 'MaterialListV1');

export class MaterialRefV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  materialId!: string;
}
/** The enterprise removes a file from its draft (the stored content stays for earlier versions). */
export const RemoveMaterial = defineCommand('intake.material.remove.v1', MaterialRefV1, 'MaterialRemovedV1');

/**
 * May the caller download this file? Answers with the object reference and writes the audit
 * record (a command, so that every download is audited even when it is refused).
 */
export const AuthorizeMaterialDownload = defineCommand('intake.material.authorize-download.v1', MaterialRefV1, 'DownloadGrantV1');

/** Object keys the gateway's sweep found old and wants to know about (system only). */
export class ObjectKeysV1 {
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/, { each: true })
  objectKeys!: string[];
}
/** Which of these stored objects no material refers to (orphans of interrupted uploads): answered with `{ unreferenced }`. */
export const FindUnreferencedObjects = defineQuery('intake.material.unreferenced-objects.v1', ObjectKeysV1, 'UnreferencedObjectsV1');
