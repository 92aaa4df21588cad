import { defineCommand } from '../contract';
import { ApplicationRefDto } from '../common/dto';

export const SubmitApplication = defineCommand('intake.application.submit.v1', ApplicationRefDto, 'ApplicationViewV1');
