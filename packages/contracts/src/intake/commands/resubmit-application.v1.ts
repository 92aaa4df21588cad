import { defineCommand } from '../../contract';
import { SubmitApplicationV1 } from './submit-application.v1';

/**
 * The enterprise resubmits a returned application as a new version, before the deadline (M7.3).
 * A resubmitted version is a new declaration of facts: it signs the truthfulness pledge again
 * (M10.1), naming the version it was shown, as at the first submission.
 */
export class ResubmitApplicationV1 extends SubmitApplicationV1 {}
export const ResubmitApplication = defineCommand('intake.application.resubmit.v1', ResubmitApplicationV1, 'ApplicationViewV1');
