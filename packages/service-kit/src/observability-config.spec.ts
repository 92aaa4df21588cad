import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { metricsRegistry } from './metrics';

/**
 * The dashboard (infra/grafana/firstset.json) and the alert rules (infra/prometheus/alerts.yml)
 * may only name metrics the code registers (ADR 0037): a renamed metric must not leave an alert
 * that can never fire.
 */
const ROOT = join(__dirname, '..', '..', '..');
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/** Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or strings. */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // string literals
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // ranges
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ''); // label lists
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const after = stripped.slice((m.index ?? 0) + m[0].length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(m[0].toLowerCase())) continue;
    names.add(m[0]);
  }
  return [...names];
}

function registered(): Set<string> {
  const names = new Set<string>();
  for (const m of metricsRegistry.getMetricsAsArray()) {
    names.add(m.name);
    const type = (m as unknown as { type?: string }).type;
    if (type === 'histogram') for (const s of ['_bucket', '_count', '_sum']) names.add(m.name + s);
  }
  return names;
}

describe('dashboard and alert rules name only metrics the code registers', () => {
  const known = registered();
  const alerts = parse(readFileSync(join(ROOT, 'infra/prometheus/alerts.yml'), 'utf8')) as {
    groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; labels?: { severity?: string }; annotations?: { summary?: string } }> }>;
  };
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'infra/grafana/firstset.json'), 'utf8')) as {
    panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
    templating: { list: Array<{ query?: unknown }> };
  };
  const rules = alerts.groups.flatMap((g) => g.rules);
  const targets = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ where: p.title, expr: t.expr })));

  it('finds the metric names of PromQL (the checker itself)', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (service, le) (rate(a_seconds_bucket{x="y,z}"}[5m]))) > 2 and on (service) b_total > 0')).toEqual(['a_seconds_bucket', 'b_total']);
    expect(metricNamesIn('max by (d) (c + e{outcome!="ok"})')).toEqual(['c', 'e']);
  });

  it('has alerts for outbox lag and dead letters, each with a severity and a bilingual summary', () => {
    const names = rules.map((r) => r.alert);
    expect(names).toEqual(expect.arrayContaining(['OutboxLagging', 'DeadLettersArriving']));
    expect(rules.find((r) => r.alert === 'OutboxLagging')!.expr).toContain('messaging_outbox_oldest_unpublished_age_seconds');
    expect(rules.find((r) => r.alert === 'DeadLettersArriving')!.expr).toContain('messaging_dead_letters_total');
    for (const r of rules) {
      expect([r.alert, r.labels?.severity]).toEqual([r.alert, expect.stringMatching(/^(info|warning|critical)$/)]);
      expect([r.alert, r.annotations?.summary]).toEqual([r.alert, expect.stringMatching(/[\u4e00-\u9fff].* \/ [A-Za-z]/)]);
    }
  });

  it.each([
    ['alert rules', () => rules.map((r) => ({ where: r.alert, expr: r.expr }))],
    ['dashboard panels', () => targets],
    ['dashboard variables', () => dashboard.templating.list.filter((v) => typeof v.query === 'string' && v.query.includes('(')).map((v) => ({ where: 'variable', expr: String(v.query).replace(/^label_values\((.*),[^,]*\)$/, '$1') }))],
  ])('%s', (_what, list) => {
    const items = list();
    expect(items.length).toBeGreaterThan(0);
    const unknown = items.flatMap(({ where, expr }) => metricNamesIn(expr).filter((n) => !known.has(n)).map((n) => `${where}: ${n}`));
    expect(unknown).toEqual([]);
  });

  it('covers every metric the code registers on the dashboard', () => {
    const shown = new Set(targets.flatMap((t) => metricNamesIn(t.expr)).map((n) => n.replace(/_(bucket|count|sum)$/, '')));
    const ours = metricsRegistry.getMetricsAsArray().map((m) => m.name).filter((n) => /^(messaging|gateway)_/.test(n));
    expect(ours.filter((n) => !shown.has(n))).toEqual([]);
  });
});
