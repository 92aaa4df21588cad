import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { defineCommand } from '../../contract';
import { MaterialSlotRefV1 } from '../queries/authorize-material-upload.v1';

/** A file name as shown to people: no path separators, no control characters, at most 255 characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the pattern refuses
export const SAFE_FILE_NAME = /^(?!\.{1,2}$)[^\u0000-\u001f\u007f/\\]{1,255}$/;

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
