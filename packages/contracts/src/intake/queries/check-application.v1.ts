import { ApplicationRefDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The pre-submission check: every problem the domain rules find, tied to its field and article. */
export const CheckApplication = defineQuery('intake.application.check.v1', ApplicationRefDto, 'CheckResultV1');
