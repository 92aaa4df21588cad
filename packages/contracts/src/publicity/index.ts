// The publicity context's contracts: commands, events, queries (one a file), their DTOs and reply views.
export * from './commands/close-due-publicities.v1';
export * from './commands/decide-list.v1';
export * from './commands/publish-list.v1';
export * from './commands/set-calendar-year.v1';
export * from './events/decision-listed.v1';
export * from './events/publicity-started.v1';
export * from './events/recognition-issued.v1';
export * from './queries/get-calendar.v1';
export * from './queries/list-candidates.v1';
export * from './queries/list-decision-lists.v1';
export * from './queries/list-public-recognitions.v1';
export * from './views/publicity-views.v1';
