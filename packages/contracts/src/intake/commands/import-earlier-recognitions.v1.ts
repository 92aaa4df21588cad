import { IsBase64, IsBoolean, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { defineCommand } from '../../contract';

/** A spreadsheet the Department uploads (CSV, UTF-8, or XLSX, first sheet), previewed before it is kept. */
export class SpreadsheetUploadV1 {
  @IsString()
  @MaxLength(200)
  @Matches(/\.(csv|xlsx)$/i, { message: 'fileName must end in .csv or .xlsx' })
  fileName!: string;

  /** The file, base64; at most about 700 KB. */
  @IsBase64()
  @IsNotEmpty()
  @MaxLength(1_000_000)
  contentBase64!: string;

  /** False: read and report only (the preview); true: keep it, refused with every row's problem when it has any. */
  @IsBoolean()
  commit!: boolean;
}

/** M6.4: the Department's list of recognitions made before the platform. */
export const ImportEarlierRecognitions = defineCommand('intake.earlier-recognition.import.v1', SpreadsheetUploadV1, 'EarlierRecognitionImportV1');
