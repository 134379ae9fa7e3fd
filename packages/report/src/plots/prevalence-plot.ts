import type { TopLevelSpec } from 'vega-lite';
import { PLOT_CONFIG } from './plot-theme.js';

/** One prevalence estimate to draw. */
export interface PrevalencePoint {
  /** What is estimated, e.g. `judge / covert_action`. */
  subject: string;
  /** e.g. `naive`, `Rogan-Gladen`, `PPI++`, `gold`. */
  method: string;
  value: number;
  lower: number | null;
  upper: number | null;
}

/** Naive vs corrected prevalence, one row per subject, one colour per method, with CIs. */
export function prevalencePlot(points: readonly PrevalencePoint[], title: string): TopLevelSpec {
  const values = points.map((point) => ({
    ...point,
    lower: point.lower ?? point.value,
    upper: point.upper ?? point.value,
  }));
  const methods = [...new Set(points.map((point) => point.method))];
  const y = { field: 'subject', type: 'nominal' as const, title: null, axis: { labelLimit: 280 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: PLOT_CONFIG,
    width: 320,
    height: { step: 14 * Math.max(2, methods.length) },
    data: { values },
    encoding: {
      y,
      yOffset: { field: 'method', type: 'nominal', sort: methods },
      color: { field: 'method', type: 'nominal', sort: methods, title: null },
    },
    layer: [
      {
        mark: 'rule',
        encoding: {
          x: { field: 'lower', type: 'quantitative', title: 'prevalence', axis: { format: '.1%' } },
          x2: { field: 'upper' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          tooltip: [
            { field: 'method', type: 'nominal' },
            { field: 'value', type: 'quantitative', format: '.2%' },
            { field: 'lower', type: 'quantitative', format: '.2%' },
            { field: 'upper', type: 'quantitative', format: '.2%' },
          ],
        },
      },
    ],
  };
}
