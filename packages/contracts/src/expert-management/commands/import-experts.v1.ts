import { defineCommand } from '../../contract';
import { SpreadsheetUploadV1 } from '../../intake/commands/import-earlier-recognitions.v1';

/** The institution imports experts into its pool from a spreadsheet: previewed, then kept only when every row is right. */
export const ImportExperts = defineCommand('expert-management.expert.import.v1', SpreadsheetUploadV1, 'ExpertImportV1');
