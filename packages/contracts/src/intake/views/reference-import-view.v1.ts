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
