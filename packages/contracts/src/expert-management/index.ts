// The expert management context's contracts: commands, events, queries (one a file), their DTOs and reply views.
export * from './dto';
export * from './commands/accept-assignment.v1';
export * from './commands/assign-expert.v1';
export * from './commands/commission-institution.v1';
export * from './commands/complete-review.v1';
export * from './commands/score-application.v1';
export * from './events/application-reviewed.v1';
export * from './events/assignment-accepted.v1';
export * from './events/review-started.v1';
export * from './queries/list-commissions.v1';
export * from './queries/list-experts.v1';
export * from './queries/list-institutions.v1';
export * from './queries/list-reviews.v1';
export * from './queries/search-reviews.v1';
export * from './views/review-views.v1';
