import { IdDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** One objection with its entry, evidence and inquiries (the Department, the auditor). */
export const GetObjection = defineQuery('publicity.objection.get.v1', IdDto, 'ObjectionDetailV1');
