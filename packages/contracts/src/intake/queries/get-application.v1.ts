import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** One application with its current state and its history, for whoever may read it. */
export const GetApplication = defineQuery('intake.application.get.v1', ApplicationRefDto, 'ApplicationDetailV1');
