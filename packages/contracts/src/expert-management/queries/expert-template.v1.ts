import { defineQuery } from '../../contract';

/** Nothing to ask: the template is the same for every institution. */
export class NoInputV1 {}

/** The pool spreadsheet's template (XLSX): the header row and a hint for each column. */
export const GetExpertTemplate = defineQuery('expert-management.expert.template.v1', NoInputV1, 'ExportedFileV1');
