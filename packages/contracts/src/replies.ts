import type { ApplicationViewV1 } from './intake/application-view.v1';
import type { QueueRowV1, ReviewCaseViewV1 } from './preliminary-review/review-case-view.v1';
import type { PageV1 } from './common/views.v1';

/**
 * Every reply a command or query may send, by the name its JSON Schema has in the gateway's
 * OpenAPI document. `npm run generate:replies -w @firstset/contracts` writes the schemas from
 * these types (src/generated/reply-schemas.ts); a test fails when the two drift.
 */
export interface Replies {
  ApplicationViewV1: ApplicationViewV1;
  ApplicationListV1: ApplicationViewV1[];
  ReviewCaseViewV1: ReviewCaseViewV1;
  QueueRowV1: QueueRowV1;
  ReviewQueuePageV1: PageV1<QueueRowV1>;
}
