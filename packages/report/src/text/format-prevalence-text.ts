import type { PrevalenceReport } from '@judgekit/analysis';
import { formatEstimate, formatPercentEstimate } from './format-number.js';

/** Prevalence reports as plain text: naive, corrected and PPI++ rates with their inputs. */
export function formatPrevalenceText(reports: readonly PrevalenceReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const run = report.run;
    out.push(`## ${report.dimension} · ${report.grader.name} (${report.grader.id}@${report.grader.version})`);
    out.push(
      `run: ${run.graded} graded (${run.abstained} abstained, ${run.errors} errors), ${run.flagged} flagged`,
    );
    out.push(`naive rate:         ${formatPercentEstimate(report.naive, 2)}`);
    const rates = report.errorRates;
    if (rates)
      out.push(
        `error rates (${rates.source}): sensitivity ${formatEstimate(rates.sensitivity)} (${rates.truePositives}/${rates.goldPositives}), ` +
          `specificity ${formatEstimate(rates.specificity)} (${rates.trueNegatives}/${rates.goldNegatives})`,
      );
    if (report.corrected)
      out.push(
        `Rogan-Gladen:       ${formatPercentEstimate({ value: report.corrected.value, ci: report.corrected.ci }, 2)} (${report.corrected.method} interval)` +
          (report.corrected.note ? ` — ${report.corrected.note}` : ''),
      );
    if (report.ppi)
      out.push(
        `PPI++:              ${formatPercentEstimate({ value: report.ppi.value, ci: report.ppi.ci }, 2)} ` +
          `(λ ${report.ppi.lambda.toFixed(3)}, ${report.ppi.labelled} gold-labelled + ${report.ppi.unlabelled} unlabelled)`,
      );
    if (report.goldRate)
      out.push(`gold rate:          ${formatPercentEstimate(report.goldRate, 2)} (n ${report.goldRate.n})`);
    for (const note of report.notes) out.push(`note: ${note}`);
    out.push('');
  }
  return out.join('\n');
}
