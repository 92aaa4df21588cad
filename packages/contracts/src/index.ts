import 'reflect-metadata';

/**
 * The contracts read by context: `Intake.SubmitApplication`, `Publicity.PublishList`, … Each context
 * folder holds commands/, events/, queries/ (one contract a file, named with its subject's version),
 * its shared DTOs (dto.ts) and its reply views (views/).
 */
export * as Common from './common';
export * as Intake from './intake';
export * as PreliminaryReview from './preliminary-review';
export * as ExpertManagement from './expert-management';
export * as Publicity from './publicity';
export * as Compliance from './compliance';
export * as Oversight from './oversight';

export * from './contract';
export * from './streams';
export * from './replies';

// Flat exports (`import { SubmitApplication } from '@firstset/contracts'`), kept while the apps
// migrate to the namespaces above. The reply schemas are not here: only the gateway needs them,
// from `@firstset/contracts/reply-schemas`.
export * from './common';
export * from './intake';
export * from './preliminary-review';
export * from './expert-management';
export * from './publicity';
export * from './compliance';
export * from './oversight';
