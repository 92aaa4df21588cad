import { EmptyDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** Close every publicity whose period has ended, drafting its main recognition document (M9.3); the scheduler runs it hourly. */
export const CloseDuePublicities = defineCommand('publicity.publicity.close-due.v1', EmptyDto, 'CloseDueResultV1');
