import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The public registry of recognized products (M13.1). */
export const ListPublicRecognitions = defineQuery('publicity.recognition.list-public.v1', EmptyDto, 'PublicRecognitionListV1');
