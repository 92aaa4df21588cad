import { defineQuery } from '../../contract';
import { SummaryRefV1 } from '../dto';

export const ExportRecommendationLetter = defineQuery('preliminary-review.summary.export-letter.v1', SummaryRefV1, 'ExportedFileV1');
