import { INITIAL_STATE, LIFECYCLE, TERMINAL_STATES } from './lifecycle';
import { APPLICATION_STATES, ROLE_LABELS, STATE_LABELS } from './vocabulary';

/** Mermaid state diagram generated from LIFECYCLE, so the picture cannot drift from the rules. */
export function lifecycleMermaid(): string {
  const lines = ['stateDiagram-v2'];
  for (const s of APPLICATION_STATES) lines.push(`  ${s} : ${STATE_LABELS[s].zh} / ${STATE_LABELS[s].en}`);
  lines.push(`  [*] --> ${INITIAL_STATE}`);
  for (const t of LIFECYCLE) {
    const marks = `${t.reasonRequired ? ' ✎' : ''}${t.guards.length > 0 ? ' ⛨' : ''}`;
    lines.push(`  ${t.from} --> ${t.to} : ${t.action} [${t.roles.join(', ')}]${marks}`);
  }
  for (const s of TERMINAL_STATES) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}

/** The whole of docs/lifecycle.md. */
export function lifecycleMarkdown(): string {
  const rows = LIFECYCLE.map(
    (t) =>
      `| ${t.from} | \`${t.action}\` | ${t.to} | ${t.roles.map((r) => `${r} (${ROLE_LABELS[r].zh})`).join('<br>')} | ${t.guard ? t.guards.map((g) => `\`${g.fact}\`: ${g.descriptionEn}`).join('<br>') : '—'} | ${t.reasonRequired ? 'yes' : 'no'} | ${t.measuresIds.join(', ')} |`,
  );
  return [
    '# Application lifecycle',
    '',
    '<!-- Generated from packages/domain/src/lifecycle/lifecycle.ts (LIFECYCLE). Do not edit by hand:',
    '     run `npm run docs:lifecycle -w @firstset/domain`. A test fails when this file is out of date. -->',
    '',
    'Every state an application of the annual batch goes through, who may move it, under which guard,',
    'and whether a reason must be recorded. ✎ = reason required, ⛨ = guarded (the caller must',
    'establish each guard fact; `transition()` refuses otherwise). The Measures IDs refer to',
    '`shared/policy/README.md`.',
    '',
    '```mermaid',
    lifecycleMermaid(),
    '```',
    '',
    '## Transitions',
    '',
    '| From | Action | To | Roles | Guards | Reason | Measures |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Terminal states: ${TERMINAL_STATES.join(', ')}. The auditor role is read-only and takes no action.`,
    '',
  ].join('\n');
}
