import { defineCommand } from '../../contract';
import { TrackingFileRefV1 } from './authorize-tracking-file-download.v1';

/** The enterprise takes a file off its tracking report before reporting (M12.2); the stored content goes with the gateway's sweep. */
export const RemoveTrackingFile = defineCommand('compliance.tracking.remove-file.v1', TrackingFileRefV1, 'TrackingEvaluationViewV1');
