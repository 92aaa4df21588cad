import { defineCommand } from '../../contract';
import { MaterialRefV1 } from '../dto';

/**
 * May the caller download this file? Answers with the object reference and writes the audit
 * record (a command, so that every download is audited even when it is refused).
 */
export const AuthorizeMaterialDownload = defineCommand('intake.material.authorize-download.v1', MaterialRefV1, 'DownloadGrantV1');
