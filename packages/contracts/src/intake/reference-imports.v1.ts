import { IsBase64, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto } from '../common/dto';

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

/** M4.3: a version of the new-materials catalogue (header: code, nameZh[, nameEn, parentCode] or 代码, 名称…). */
export class ImportCatalogueV1 extends SpreadsheetUploadV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  catalogueId!: string;

  @IsString()
  @Matches(/^[0-9A-Za-z][0-9A-Za-z.\-_]{0,49}$/)
  version!: string;

  /** Where the list comes from (the document's name and number). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  titleZh?: string;
}
export const ImportCatalogue = defineCommand('intake.catalogue.import.v1', ImportCatalogueV1, 'CatalogueImportV1');

export class CatalogueRefQueryV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/)
  catalogueId!: string;

  @Matches(/^[0-9A-Za-z][0-9A-Za-z.\-_]{0,49}$/)
  version!: string;
}
/** A catalogue version: the Department's import when there is one, else the copy the platform ships. */
export const GetCatalogue = defineQuery('intake.catalogue.get.v1', CatalogueRefQueryV1, 'ScopeCatalogueViewV1');

/** M6.4: the Department's list of recognitions made before the platform. */
export const ImportEarlierRecognitions = defineCommand('intake.earlier-recognition.import.v1', SpreadsheetUploadV1, 'EarlierRecognitionImportV1');
export const ListEarlierRecognitions = defineQuery('intake.earlier-recognition.list.v1', EmptyDto, 'EarlierRecognitionListV1');

/** A problem at a row (1 = the header) and, when it is one cell's, its column. */
export interface ImportIssueV1 {
  line: number;
  column?: string;
  message: string;
  messageEn: string;
}

export interface CatalogueEntryV1 {
  code: string;
  nameZh: string;
  nameEn?: string;
  parentCode?: string;
}

export interface CatalogueImportV1 {
  catalogueId: string;
  version: string;
  committed: boolean;
  entries: Array<CatalogueEntryV1 & { line: number }>;
  issues: ImportIssueV1[];
}

export interface ScopeCatalogueViewV1 {
  id: string;
  version: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  source: string;
  /** False while the shipped copy awaits the Department's check against the published text. */
  verified: boolean;
  /** The Department's import (true) or the copy the platform ships (false). */
  imported: boolean;
  importedAt: string | null;
  entries: CatalogueEntryV1[];
}

export interface EarlierRecognitionRowV1 {
  uscc: string;
  enterpriseName: string;
  productName: string;
  productKind?: string;
  series: string;
  model: string;
  year: number;
  documentNo: string;
}

export interface EarlierRecognitionImportV1 {
  committed: boolean;
  /** Rows kept by this import (0 for a preview). */
  imported: number;
  /** Rows already imported before (same credit code, series, model and document), left as they were. */
  skipped: number;
  records: Array<EarlierRecognitionRowV1 & { line: number }>;
  issues: ImportIssueV1[];
}

export interface EarlierRecognitionViewV1 extends EarlierRecognitionRowV1 {
  id: string;
  /** Always true: these rows came from a list, not from the platform's own recognitions. */
  imported: true;
  importedAt: string;
}
