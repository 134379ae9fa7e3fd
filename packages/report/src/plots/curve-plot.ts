import type { CurvePoint } from '@judgekit/analysis';
import type { TopLevelSpec } from 'vega-lite';
import { PLOT_CONFIG } from './plot-theme.js';

/** A curve to draw, with its label in the legend. */
export interface LabelledCurve {
  label: string;
  points: readonly CurvePoint[];
}

/**
 * ROC curves (false-positive rate vs true-positive rate, from (0, 0) to (1, 1), chance diagonal),
 * one line per grader, with an optional marker at the monitor threshold.
 */
export function rocPlot(
  curves: readonly LabelledCurve[],
  title: string,
  markers: readonly { label: string; x: number; y: number }[] = [],
): TopLevelSpec {
  const values = curves.flatMap((curve) => [
    { grader: curve.label, x: 0, y: 0, order: -1 },
    ...curve.points.map((point, index) => ({ grader: curve.label, x: point.x, y: point.y, order: index })),
    { grader: curve.label, x: 1, y: 1, order: curve.points.length },
  ]);
  return curvePlot(values, title, { x: 'false-positive rate', y: 'true-positive rate' }, true, markers);
}

/** Precision-recall curves, one line per grader. */
export function precisionRecallPlot(curves: readonly LabelledCurve[], title: string): TopLevelSpec {
  const values = curves.flatMap((curve) =>
    curve.points.map((point, index) => ({ grader: curve.label, x: point.x, y: point.y, order: index })),
  );
  return curvePlot(values, title, { x: 'recall', y: 'precision' }, false, []);
}

function curvePlot(
  values: readonly Record<string, unknown>[],
  title: string,
  axes: { x: string; y: string },
  diagonal: boolean,
  markers: readonly { label: string; x: number; y: number }[],
): TopLevelSpec {
  const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: PLOT_CONFIG,
    width: 240,
    height: 220,
    layer: [
      ...(diagonal
        ? [
            {
              data: {
                values: [
                  { x: 0, y: 0 },
                  { x: 1, y: 1 },
                ],
              },
              mark: { type: 'line' as const, color: '#bbb', strokeDash: [4, 4] },
              encoding: {
                x: { field: 'x', ...unit, title: axes.x },
                y: { field: 'y', ...unit, title: axes.y },
              },
            },
          ]
        : []),
      {
        data: { values: values as Record<string, unknown>[] },
        mark: {
          type: 'line' as const,
          interpolate: diagonal ? ('linear' as const) : ('step-after' as const),
        },
        encoding: {
          x: { field: 'x', ...unit, title: axes.x },
          y: { field: 'y', ...unit, title: axes.y },
          color: { field: 'grader', type: 'nominal' as const, title: null },
          order: { field: 'order', type: 'quantitative' as const },
        },
      },
      ...(markers.length
        ? [
            {
              data: { values: markers.map((marker) => ({ ...marker })) },
              mark: { type: 'point' as const, shape: 'diamond', size: 90, filled: true, color: 'black' },
              encoding: {
                x: { field: 'x', ...unit },
                y: { field: 'y', ...unit },
                tooltip: { field: 'label', type: 'nominal' as const },
              },
            },
          ]
        : []),
    ],
  };
}
