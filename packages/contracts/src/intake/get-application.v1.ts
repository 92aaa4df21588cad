import { defineQuery } from '../contract';
import { ApplicationRefDto, EmptyDto } from '../common/dto';

/** One application with its current state and its history, for whoever may read it. */
export const GetApplication = defineQuery('intake.application.get.v1', ApplicationRefDto, 'ApplicationDetailV1');
/** The applications of the caller's own enterprise. */
export const ListOwnApplications = defineQuery('intake.application.list-own.v1', EmptyDto, 'ApplicationListV1');
