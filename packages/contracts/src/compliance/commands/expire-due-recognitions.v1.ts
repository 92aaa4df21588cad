import { EmptyDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** Expire every recognition whose validity has ended (the system's daily run; tests call it). */
export const ExpireDueRecognitions = defineCommand('compliance.recognition.expire-due.v1', EmptyDto, 'ExpiryRunV1');
