import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineCommand } from '../../contract';
import { SpreadsheetUploadV1 } from './import-earlier-recognitions.v1';

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
