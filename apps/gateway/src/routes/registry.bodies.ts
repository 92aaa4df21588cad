import { OmitType } from '@nestjs/swagger';
import { AmendRecognitionV1 } from '@firstset/contracts';

// The registry's bodies: the path names the entry, the body carries the rest (listed in DERIVED_BODIES).
export class AmendRecognitionBody extends OmitType(AmendRecognitionV1, ['recognitionId'] as const) {}
