import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const GetApprovalSetting = defineQuery('preliminary-review.settings.approval.get.v1', EmptyDto, 'ApprovalSettingV1');
