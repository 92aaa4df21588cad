import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const ListEarlierRecognitions = defineQuery('intake.earlier-recognition.list.v1', EmptyDto, 'EarlierRecognitionListV1');
