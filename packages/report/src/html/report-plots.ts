import type { Finding } from '@judgekit/core';
import type { TopLevelSpec } from 'vega-lite';
import { agreementHeatmapPlot } from '../plots/agreement-heatmap-plot.js';
import { confusionMatrixPlot } from '../plots/confusion-matrix-plot.js';
import { precisionRecallPlot, rocPlot } from '../plots/curve-plot.js';
import { forestPlot } from '../plots/forest-plot.js';
import { type PrevalencePoint, prevalencePlot } from '../plots/prevalence-plot.js';
import { reliabilityPlot } from '../plots/reliability-plot.js';
import type { RunReport } from '../report/run-report-schema.js';

/** A plot of the report, by the section it belongs to. */
export interface ReportPlot {
  section: 'calibration' | 'agreement' | 'findings' | 'prevalence';
  /** Groups plots inside a section (e.g. a dimension). */
  group: string;
  spec: TopLevelSpec;
}

/** Every plot the HTML report shows, as Vega-Lite specs. */
export function reportPlots(report: RunReport): ReportPlot[] {
  const plots: ReportPlot[] = [];
  const calibration = report.calibration;
  for (const dimension of [...new Set(calibration?.graders.map((entry) => entry.dimension) ?? [])]) {
    const entries = calibration!.graders.filter((entry) => entry.dimension === dimension);
    for (const entry of entries)
      plots.push({
        section: 'calibration',
        group: dimension,
        spec: confusionMatrixPlot(entry.confusion, `${entry.grader.name}: confusion matrix`),
      });
    const scored = entries.filter((entry) => entry.scores && entry.scores.roc.length > 0);
    if (scored.length > 0) {
      plots.push({
        section: 'calibration',
        group: dimension,
        spec: rocPlot(
          scored.map((entry) => ({ label: entry.grader.name, points: entry.scores!.roc })),
          `ROC (${dimension})`,
          scored.flatMap((entry) => {
            const monitor = entry.scores!.monitor;
            return monitor.threshold === null || monitor.fpr.value === null || monitor.tpr.value === null
              ? []
              : [
                  {
                    label: `${entry.grader.name} monitor threshold ${monitor.threshold}`,
                    x: monitor.fpr.value,
                    y: monitor.tpr.value,
                  },
                ];
          }),
        ),
      });
      plots.push({
        section: 'calibration',
        group: dimension,
        spec: precisionRecallPlot(
          scored.map((entry) => ({ label: entry.grader.name, points: entry.scores!.pr })),
          `Precision-recall (${dimension})`,
        ),
      });
      for (const entry of scored)
        plots.push({
          section: 'calibration',
          group: dimension,
          spec: reliabilityPlot(entry.scores!.reliability, `${entry.grader.name}: reliability`),
        });
    }
  }
  for (const group of report.agreement?.groups ?? [])
    plots.push({
      section: 'agreement',
      group: group.dimension ?? 'items',
      spec: agreementHeatmapPlot(
        group.pairs.map((pair) => ({ a: pair.a, b: pair.b, value: pair.cohenKappa.value, n: pair.items })),
        `Cohen's kappa between raters (${group.dimension ?? 'items'})`,
        "Cohen's κ",
      ),
    });
  const comparisons = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    // Per-environment effects and the pooled one share a plot when both are differences (or both ratios).
    const scale = /ratio/i.test(finding.effect.measure) ? 'ratio' : 'difference';
    const key = `${finding.dimension ?? ''} · ${finding.metric} · ${finding.conditions.join(' vs ')} · ${scale}`;
    comparisons.set(key, [...(comparisons.get(key) ?? []), finding]);
  }
  for (const [key, findings] of comparisons) {
    if (!findings.some((finding) => finding.effect.value !== null)) continue;
    const measures = [...new Set(findings.map((finding) => finding.effect.measure))].join(' / ');
    const title = `${key.replace(/ · (ratio|difference)$/, '').replace(/^ · /, '')} · ${measures}`;
    plots.push({ section: 'findings', group: key, spec: forestPlot(findings, title, measures) });
  }
  const points: PrevalencePoint[] = report.prevalence.flatMap((entry) => {
    const subject = `${entry.grader.name} · ${entry.dimension}`;
    const point = (method: string, value: number | null, ci: { lower: number; upper: number } | null) =>
      value === null ? [] : [{ subject, method, value, lower: ci?.lower ?? null, upper: ci?.upper ?? null }];
    return [
      ...point('naive', entry.naive.value, entry.naive.ci),
      ...point('Rogan-Gladen', entry.corrected?.value ?? null, entry.corrected?.ci ?? null),
      ...point('PPI++', entry.ppi?.value ?? null, entry.ppi?.ci ?? null),
      ...point('gold', entry.goldRate?.value ?? null, entry.goldRate?.ci ?? null),
    ];
  });
  if (points.length > 0)
    plots.push({
      section: 'prevalence',
      group: 'all',
      spec: prevalencePlot(points, 'Prevalence: naive vs corrected'),
    });
  return plots;
}
