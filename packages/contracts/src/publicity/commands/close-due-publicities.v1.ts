import { EmptyDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** Close every publicity whose period has ended, issuing recognitions where no objection stands (M9.3). */
export const CloseDuePublicities = defineCommand('publicity.publicity.close-due.v1', EmptyDto, 'CloseDueResultV1');
