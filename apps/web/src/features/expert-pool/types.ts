import type { components } from '../../shared/api/generated/schema';

type S = components['schemas'];

// The pool's reply shapes, by the names the pages use (generated from the contracts' views).
export type PoolExpert = S['ExpertViewV1'];
export type ExpertDetail = S['ExpertDetailV1'];
export type ExpertTie = S['ExpertTieViewV1'];
export type ExpertTieInput = S['ExpertTieInputV1'];
export type ExpertImportRow = S['ExpertImportRowV1'];
export type CaseConflicts = S['CaseConflictsV1'];
export type ExpertConflicts = S['ExpertConflictsV1'];
export type ConflictView = S['ConflictViewV1'];

/** An M4.2 field code as the routes take it (EF01–EF18, NM). */
export type FieldCode = NonNullable<S['ExpertPoolQueryV1']['fieldCode']>;
/** A prefecture code as the pool's commands take it. */
export type RegionCode = NonNullable<S['AddExpertV1']['regionCode']>;
