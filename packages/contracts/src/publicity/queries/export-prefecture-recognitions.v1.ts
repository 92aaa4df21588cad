import { defineQuery } from '../../contract';
import { ListPrefectureRecognitionsV1 } from './list-prefecture-recognitions.v1';

/** The prefecture's recognized products as a workbook: every row the filters match, not one page (M14). */
export const ExportPrefectureRecognitions = defineQuery('publicity.recognition.export-prefecture.v1', ListPrefectureRecognitionsV1, 'ExportedFileV1');
