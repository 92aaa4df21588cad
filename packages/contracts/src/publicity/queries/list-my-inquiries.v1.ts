import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The questions put to the caller's prefecture, institution or enterprise about objections (ADR 0025). */
export const ListMyInquiries = defineQuery('publicity.objection-inquiry.mine.v1', EmptyDto, 'PartyInquiryListV1');
