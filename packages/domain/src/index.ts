// @firstset/domain — the Measures as code. Pure: no I/O, no clock reads; time is an argument.

export * from './shared/errors';
export * from './shared/local-date';

export * from './enterprise/uscc';
export * from './enterprise/recommending-bodies';

export * from './lifecycle/vocabulary';
export * from './lifecycle/lifecycle';
export * from './lifecycle/lifecycle-mermaid';

export * from './policy/material-requirement';
export * from './policy/policy-profile';
export * from './policy/inner-mongolia-draft';
export * from './policy/truthfulness-pledge';
export * from './policy/policy-registry';

export * from './review/review-profile';
export * from './review/conflicts';
export * from './review/panel-solver';
export * from './review/expert-pool';
export * from './review/site-visit';

export * from './recognition/recognition-profile';
export * from './recognition/decision';
export * from './recognition/objections';
export * from './recognition/expiry';

export * from './calendar/working-day-calendar';
export * from './calendar/china-holidays-seed';

export * from './periods/publicity';
export * from './periods/validity';
export * from './periods/bans';

export * from './batch/annual-batch';

export * from './model/product';
export * from './model/enterprise';
export * from './model/application';
export * from './model/review';
export * from './model/decision';
export * from './model/sanctions';
export * from './model/tracking-evaluation';

export * from './catalogue/scope-catalogue';
export * from './catalogue/equipment-fields';
export * from './catalogue/new-materials-2024';
export * from './catalogue/csv';

export * from './rules/checklist';
export * from './rules/eligibility';
export * from './rules/exclusions';
export * from './rules/condition-ids';
export * from './rules/series-model';
export * from './rules/earlier-recognitions';
export * from './rules/materials-checklist';
export * from './rules/declarations';
export * from './sanctions/sanction-measures';
export * from './sanctions/sanction-case';
export * from './sanctions/sanction-status';
export * from './sanctions/sanction-notices';
