import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const ListRecognitions = defineQuery('compliance.recognition.list.v1', EmptyDto, 'RecognitionListV1');
