import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** One recognition's history in the registry (issued, amended, expired, revoked) for the Department and auditors (M13.1). */
export class GetRecognitionHistoryV1 {
  @IsUUID()
  recognitionId!: string;
}
export const GetRecognitionHistory = defineQuery('publicity.recognition.history.v1', GetRecognitionHistoryV1, 'RecognitionHistoryV1');
