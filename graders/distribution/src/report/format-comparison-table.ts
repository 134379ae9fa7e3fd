import type { FindingDraft } from '@judgekit/core';

type TableFinding = Pick<
  FindingDraft,
  | 'environment'
  | 'metric'
  | 'conditions'
  | 'estimates'
  | 'effect'
  | 'test'
  | 'pValue'
  | 'pAdjusted'
  | 'flagged'
> & { correction?: string | undefined; notes?: string[] | undefined };

const POWER_NOTE = /^n too small to detect the minimum effect: power (\d+)%/;

/** Short names of the tests for the table; the legend under it spells them out. */
const TEST_NAMES: Record<string, [short: string, long: string]> = {
  'n-1-chi-square': ['N−1 χ²', "'N − 1' chi-square (Campbell 2007)"],
  'fisher-exact': ['Fisher', "Fisher's exact test"],
  'cochran-mantel-haenszel': ['CMH', 'Cochran-Mantel-Haenszel, stratified by environment'],
  'exact-conditional-stratified': ['exact CMH', 'exact conditional test, stratified by environment'],
  'welch-t': ['Welch t', "Welch's t-test"],
  'mann-whitney': ['MWU', 'Mann-Whitney U'],
  permutation: ['perm.', 'permutation test of the mean difference'],
  'stratified-permutation': ['strat. perm.', 'permutation test within environments'],
};

const EFFECT_NAMES: Record<string, string> = {
  risk_difference: 'risk difference (Newcombe interval)',
  mantel_haenszel_risk_difference: 'Mantel-Haenszel risk difference (jackknife-t interval over environments)',
  mean_difference: 'difference in means (Welch interval)',
  stratified_mean_difference: 'stratified difference in means (jackknife-t interval over environments)',
};

function number(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits).replace(/^-/, '−');
}

function pValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (value >= 0.001) return value.toFixed(3);
  return value.toExponential(1).replace('e-', 'e−');
}

function withInterval(
  value: number | null | undefined,
  ci: { lower: number; upper: number } | undefined,
): string {
  const point = number(value);
  return ci ? `${point} [${number(ci.lower)}, ${number(ci.upper)}]` : point;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Groups findings by comparison (metric and conditions), keeping their order. */
function comparisons(findings: readonly TableFinding[]): TableFinding[][] {
  const groups = new Map<string, TableFinding[]>();
  for (const finding of findings) {
    const key = `${finding.metric}\u0000${finding.conditions.join('\u0000')}`;
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Renders distribution findings as plain-text tables, one per comparison (metric × pair of
 * conditions): per environment and pooled, the estimate in each condition with its interval, the
 * effect with its interval, the test, the p-value before and after the correction, the flag, and
 * the power to detect the minimum effect when it is short of the target; other notes follow.
 */
export function formatComparisonTable(
  findings: readonly TableFinding[],
  settings: { alpha: number; minimumEffect: number; level: number },
): string {
  const blocks = comparisons(findings).map((group) => {
    const first = group[0]!;
    const [treatment, control] = first.conditions;
    const correction = group.find((finding) => finding.environment !== 'pooled')?.correction ?? 'none';
    const title =
      `${first.metric}: ${treatment} vs ${control} — ${first.test.alternative}` +
      `${first.test.alternative === 'two-sided' ? '' : ` (${treatment} ${first.test.alternative === 'greater' ? '>' : '<'} ${control})`}, ` +
      `${correction} across environments, α = ${settings.alpha}, minimum effect ${settings.minimumEffect}, ` +
      `${Math.round(settings.level * 100)}% intervals`;
    const rows = group.map((finding) => {
      const estimate = (condition: string) => finding.estimates.find((item) => item.condition === condition);
      const low = finding.notes
        ?.map((note) => POWER_NOTE.exec(note)?.[1])
        .find((match) => match !== undefined);
      return [
        finding.environment,
        `${estimate(treatment)?.n ?? 0}/${estimate(control)?.n ?? 0}`,
        withInterval(estimate(treatment)?.value, estimate(treatment)?.ci),
        withInterval(estimate(control)?.value, estimate(control)?.ci),
        withInterval(finding.effect.value, finding.effect.ci),
        TEST_NAMES[finding.test.name]?.[0] ?? finding.test.name,
        pValue(finding.pValue),
        pValue(finding.pAdjusted),
        finding.flagged ? 'FLAG' : '',
        low === undefined ? '' : `${low}%`,
      ];
    });
    const header = ['environment', 'n', treatment, control, 'effect', 'test', 'p', 'p adj.', 'flag', 'power'];
    const notes = group.flatMap((finding) =>
      (finding.notes ?? [])
        .filter((note) => !POWER_NOTE.test(note) && !note.startsWith('pooled over'))
        .map((note) => `  ${finding.environment}: ${note}`),
    );
    const lines = [title, table(header, rows)];
    const measures = [...new Set(group.map((finding) => finding.effect.measure))].filter(
      (m) => EFFECT_NAMES[m],
    );
    const tests = [...new Set(group.map((finding) => finding.test.name))].filter((name) => TEST_NAMES[name]);
    lines.push(
      `effect: ${treatment} − ${control}; ${measures.map((measure) => EFFECT_NAMES[measure]).join('; ')}`,
      `test: ${tests.map((name) => `${TEST_NAMES[name]![0]} = ${TEST_NAMES[name]![1]}`).join('; ')}`,
    );
    if (rows.some((row) => row[9] !== '')) {
      lines.push(
        `power: to detect a difference of ${settings.minimumEffect} at the corrected level, shown where below the target`,
      );
    }
    if (notes.length > 0) lines.push('notes:', ...notes);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
