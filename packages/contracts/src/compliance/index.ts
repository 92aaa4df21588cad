// The compliance context's contracts: commands, events, queries (one a file), their DTOs and reply views.
export * from './commands/disqualify-expert.v1';
export * from './commands/expire-due-recognitions.v1';
export * from './commands/impose-institution-ban.v1';
export * from './commands/revoke-recognition.v1';
export * from './events/applicant-ban-imposed.v1';
export * from './events/expert-disqualified.v1';
export * from './events/institution-ban-imposed.v1';
export * from './events/recognition-expired.v1';
export * from './events/recognition-revoked.v1';
export * from './queries/list-applicant-bans.v1';
export * from './queries/list-expert-disqualifications.v1';
export * from './queries/list-institution-bans.v1';
export * from './queries/list-recognitions.v1';
export * from './views/compliance-views.v1';
