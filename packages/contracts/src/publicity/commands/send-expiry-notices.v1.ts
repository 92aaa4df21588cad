import { EmptyDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** Send the expiry notices due today, 90 and 30 days before the last valid day (M13.2; the system's daily run; tests call it). */
export const SendExpiryNotices = defineCommand('publicity.recognition.send-expiry-notices.v1', EmptyDto, 'ExpiryNoticeRunV1');
