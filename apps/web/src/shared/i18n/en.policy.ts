import type { zhCNPolicy } from './zh-CN.policy';

/** The words of the policy profiles (M15), English; part of `en`. */
export const enPolicy: Record<keyof typeof zhCNPolicy, string> = {
  'policy.profile': 'Policy profile (version of the Measures)',
  'policy.profile.placeholder': 'Choose the version of the Measures this batch is judged by',
  'policy.profile.help': 'Every application of the batch is judged by this version (M15); it cannot be changed once the batch is open.',
  'policy.profile.option': '{name} (in force from {from})',
  'policy.profile.label': '{name}',
  'policy.profile.unknown': 'Unregistered policy profile {id} (version {version})',
  'policy.profile.numbers': 'Publicity {publicity} working days · valid {validity} years · ban {ban} years · R&D at most {rd} years old · {batches} batch(es) a year · {materials} materials',
};
