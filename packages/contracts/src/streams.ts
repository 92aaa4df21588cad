import { MessageContract } from './contract';
import { ApplicationSubmitted } from './intake/application-submitted.v1';
import { BatchOpened } from './intake/batch-opened.v1';
import { BatchWindowChanged } from './intake/batch-window-changed.v1';
import { ApplicationResubmitted, ApplicationWithdrawn } from './intake/application-lifecycle-events.v1';
import { ApplicationRecommended } from './preliminary-review/application-recommended.v1';
import { ApplicationRejected, ApplicationReturned } from './preliminary-review/correction-events.v1';
import { SummarySubmitted } from './preliminary-review/summary-submitted.v1';
import { ApplicationReviewed, ReviewStarted, AssignmentAccepted } from './expert-management/review-events.v1';
import { DecisionListed, PublicityStarted, RecognitionIssued } from './publicity/publicity-events.v1';
import { ApplicantBanImposed, RecognitionRevoked } from './compliance/compliance-events.v1';
import { RecognitionExpired } from './compliance/recognition-expired.v1';
import { ExpertDisqualified, InstitutionBanImposed } from './compliance/sanction-events.v1';

/**
 * One JetStream stream per producing service, binding its event subjects explicitly (never a
 * wildcard that could capture the service's command subjects).
 */
export const EVENT_STREAMS: Record<string, readonly MessageContract[]> = {
  INTAKE_EVENTS: [BatchOpened, BatchWindowChanged, ApplicationSubmitted, ApplicationResubmitted, ApplicationWithdrawn],
  PRELIMINARY_REVIEW_EVENTS: [ApplicationRecommended, ApplicationReturned, ApplicationRejected, SummarySubmitted],
  EXPERT_MANAGEMENT_EVENTS: [ReviewStarted, ApplicationReviewed, AssignmentAccepted],
  PUBLICITY_EVENTS: [DecisionListed, PublicityStarted, RecognitionIssued],
  COMPLIANCE_EVENTS: [RecognitionRevoked, ApplicantBanImposed, RecognitionExpired, InstitutionBanImposed, ExpertDisqualified],
};

export const streamSpecs = () =>
  Object.entries(EVENT_STREAMS).map(([name, contracts]) => ({ name, subjects: contracts.map((c) => c.subject) }));
