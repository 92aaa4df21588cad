import type { zhCNPanels } from './zh-CN.panels';

/** The panels page's words in English; every key of `zhCNPanels`. */
export const enPanels: Record<keyof typeof zhCNPanels, string> = {
  'menu.institutionPanels': 'Panels',

  'panels.title': 'Review panels',
  'panels.intro':
    'The system proposes experts for each application by field, avoiding conflicts of interest and balancing loads. A proposal is a dry run and assigns nothing; check it, adjust it and confirm it, and only then do the experts receive their assignments.',
  'panels.batch': 'Batch',
  'panels.batch.none': 'Your institution holds no commissioned batch',
  'panels.seed': 'Seed (optional)',
  'panels.seed.placeholder': 'Generated when empty',
  'panels.seed.help': 'The same seed gives the same proposal for the same situation; it is recorded in the audit log',
  'panels.propose': 'Propose panels (dry run)',
  'panels.proposeOne': 'Propose for this application',
  'panels.proposed': 'Panels proposed: {filled}/{wanted} seats filled',

  'panels.cases': 'Commissioned applications',
  'panels.case.no': 'Application no.',
  'panels.case.product': 'Applicant and product',
  'panels.case.field': 'Field',
  'panels.case.experts': 'Experts on the panel',
  'panels.case.experts.none': 'None',
  'panels.case.status': 'Panel',
  'panels.case.full': 'Full ({count}/{size})',
  'panels.case.needsExperts': 'To be formed ({count}/{size})',
  'panels.case.needsReplacement': 'Replacement needed ({count}/{size})',
  'panels.case.closed': 'Review finished',

  'panels.run.title': 'Proposed panels',
  'panels.run.dry': 'Dry run: nothing is assigned yet. Seed: {seed}. Check it, then confirm.',
  'panels.run.confirmed': 'Confirmed on {at}; {count} assignments made. Seed: {seed}.',
  'panels.run.summary': '{filled}/{wanted} seats filled; {size} experts a panel, at least {matches} of the field; at most {max} applications per expert in the batch.',
  'panels.run.empty': 'No application of the batch needs a panel',
  'panels.run.none': 'No proposal yet',

  'panels.app.kept': 'Kept',
  'panels.seat.match': 'Field match',
  'panels.seat.noMatch': 'Other field',
  'panels.seat.adjusted': 'Adjusted',
  'panels.seat.why.match': 'Works in the field ({field}), no conflict; {load} applications in the batch once confirmed',
  'panels.seat.why.fill': 'Fills a seat, no conflict; {load} applications in the batch once confirmed',
  'panels.seat.why.adjusted': 'Chosen by your institution, checked again for conflicts',
  'panels.seat.replace': 'Replace',
  'panels.seat.fill': 'Add an expert',
  'panels.seat.empty': 'Empty seat',

  'panels.shortfall.not_enough_eligible_experts': 'Not enough available experts without a conflict; {seats} seat(s) empty',
  'panels.shortfall.experts_at_max_load': 'The eligible experts are fully loaded in this batch; {seats} seat(s) empty',
  'panels.shortfall.field_requirement_unmet': 'Not enough experts of the field; {seats} short',

  'panels.adjust.title': 'Adjust the panel of {no}',
  'panels.adjust.replacing': 'Replacing: {name}',
  'panels.adjust.expert': 'Expert',
  'panels.adjust.placeholder': 'Choose an available expert',
  'panels.adjust.load': '{load} in the batch',
  'panels.adjust.done': '{name} is on the panel',
  'panels.adjust.ok': 'Put on the panel',

  'panels.confirm': 'Confirm panels',
  'panels.confirm.title': 'Confirm the panels and assign',
  'panels.confirm.content':
    'Confirming assigns {seats} reviews over {apps} applications; the experts see them under "My assignments". The proposal cannot be adjusted afterwards.',
  'panels.confirm.done': 'Panels confirmed: {count} assignments made',

  'panels.field.NM': 'New materials',
  'panels.field.none': 'Not given',
};
