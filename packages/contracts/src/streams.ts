import { MessageContract } from './contract';
import { ApplicantBanImposed } from './compliance/events/applicant-ban-imposed.v1';
import { ExpertDisqualified } from './compliance/events/expert-disqualified.v1';
import { InstitutionBanImposed } from './compliance/events/institution-ban-imposed.v1';
import { RecognitionExpired } from './compliance/events/recognition-expired.v1';
import { RecognitionRevoked } from './compliance/events/recognition-revoked.v1';
import { SanctionChanged } from './compliance/events/sanction-changed.v1';
import { CompliancePartyNotified } from './compliance/events/compliance-party-notified.v1';
import { InterimMeasureChanged } from './compliance/events/interim-measure-changed.v1';
import { SanctionImposed } from './compliance/events/sanction-imposed.v1';
import { TrackingReportRequested } from './compliance/events/tracking-report-requested.v1';
import { ApplicationReviewed } from './expert-management/events/application-reviewed.v1';
import { AssignmentAccepted } from './expert-management/events/assignment-accepted.v1';
import { AssignmentEnded } from './expert-management/events/assignment-ended.v1';
import { ReviewMoved } from './expert-management/events/review-moved.v1';
import { ReviewStarted } from './expert-management/events/review-started.v1';
import { SiteVisitCancelled } from './expert-management/events/site-visit-cancelled.v1';
import { SiteVisitConcluded } from './expert-management/events/site-visit-concluded.v1';
import { SiteVisitScheduled } from './expert-management/events/site-visit-scheduled.v1';
import { ApplicationResubmitted } from './intake/events/application-resubmitted.v1';
import { ApplicationSubmitted } from './intake/events/application-submitted.v1';
import { ApplicationWithdrawn } from './intake/events/application-withdrawn.v1';
import { BatchOpened } from './intake/events/batch-opened.v1';
import { BatchWindowChanged } from './intake/events/batch-window-changed.v1';
import { ApplicationRecommended } from './preliminary-review/events/application-recommended.v1';
import { ApplicationRejected } from './preliminary-review/events/application-rejected.v1';
import { ApplicationReturned } from './preliminary-review/events/application-returned.v1';
import { SummarySubmitted } from './preliminary-review/events/summary-submitted.v1';
import { ApplicationDecided } from './publicity/events/application-decided.v1';
import { DecisionListed } from './publicity/events/decision-listed.v1';
import { DecisionListWithdrawn } from './publicity/events/decision-list-withdrawn.v1';
import { ObjectionAssessed } from './publicity/events/objection-assessed.v1';
import { ObjectionDecided } from './publicity/events/objection-decided.v1';
import { ObjectionInquiryAsked } from './publicity/events/objection-inquiry-asked.v1';
import { ObjectionLodged } from './publicity/events/objection-lodged.v1';
import { PublicityStarted } from './publicity/events/publicity-started.v1';
import { RecognitionIssued } from './publicity/events/recognition-issued.v1';
import { RecognitionAmended } from './publicity/events/recognition-amended.v1';
import { RecognitionExpiring } from './publicity/events/recognition-expiring.v1';

/**
 * One JetStream stream per producing service, binding its event subjects explicitly (never a
 * wildcard that could capture the service's command subjects).
 */
export const EVENT_STREAMS: Record<string, readonly MessageContract[]> = {
  INTAKE_EVENTS: [BatchOpened, BatchWindowChanged, ApplicationSubmitted, ApplicationResubmitted, ApplicationWithdrawn],
  PRELIMINARY_REVIEW_EVENTS: [ApplicationRecommended, ApplicationReturned, ApplicationRejected, SummarySubmitted],
  EXPERT_MANAGEMENT_EVENTS: [ReviewStarted, ApplicationReviewed, AssignmentAccepted, AssignmentEnded, ReviewMoved, SiteVisitScheduled, SiteVisitCancelled, SiteVisitConcluded],
  PUBLICITY_EVENTS: [
    DecisionListed,
    ApplicationDecided,
    PublicityStarted,
    RecognitionIssued,
    RecognitionAmended,
    ObjectionLodged,
    ObjectionAssessed,
    ObjectionInquiryAsked,
    ObjectionDecided,
    RecognitionExpiring,
    DecisionListWithdrawn,
  ],
  COMPLIANCE_EVENTS: [RecognitionRevoked, ApplicantBanImposed, RecognitionExpired, InstitutionBanImposed, ExpertDisqualified, SanctionImposed, SanctionChanged, CompliancePartyNotified, TrackingReportRequested, InterimMeasureChanged],
};

export const streamSpecs = () =>
  Object.entries(EVENT_STREAMS).map(([name, contracts]) => ({ name, subjects: contracts.map((c) => c.subject) }));
