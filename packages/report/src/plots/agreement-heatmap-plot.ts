import type { TopLevelSpec } from 'vega-lite';
import { PLOT_CONFIG } from './plot-theme.js';

/** One cell of a rater × rater agreement matrix. */
export interface AgreementCell {
  a: string;
  b: string;
  /** e.g. Cohen's kappa; `null` when undefined. */
  value: number | null;
  n: number;
}

/**
 * Rater × rater heat-map of a pairwise agreement coefficient (symmetric; the diagonal is left
 * empty), diverging around 0 on [−1, 1] so chance-level agreement reads as white.
 */
export function agreementHeatmapPlot(
  cells: readonly AgreementCell[],
  title: string,
  measure: string,
): TopLevelSpec {
  const values = cells.flatMap((cell) => {
    const label = cell.value === null ? 'n/a' : cell.value.toFixed(2);
    return [
      { a: cell.a, b: cell.b, value: cell.value, label, n: cell.n },
      { a: cell.b, b: cell.a, value: cell.value, label, n: cell.n },
    ];
  });
  const raters = [...new Set(cells.flatMap((cell) => [cell.a, cell.b]))].sort();
  const size = Math.max(120, 44 * raters.length);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: PLOT_CONFIG,
    width: size,
    height: size,
    data: { values },
    encoding: {
      x: {
        field: 'a',
        type: 'nominal',
        sort: raters,
        title: null,
        axis: { labelAngle: -35, labelLimit: 240 },
      },
      y: { field: 'b', type: 'nominal', sort: raters, title: null, axis: { labelLimit: 240 } },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            title: measure,
            scale: { scheme: 'redblue', domain: [-1, 1] },
          },
          tooltip: [
            { field: 'a', type: 'nominal' },
            { field: 'b', type: 'nominal' },
            { field: 'label', type: 'nominal', title: measure },
            { field: 'n', type: 'quantitative' },
          ],
        },
      },
      { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'label', type: 'nominal' } } },
    ],
  };
}
