export { renderHTML } from './html/render-html.js';
export { type ReportPlot, reportPlots } from './html/report-plots.js';
export { renderMarkdown } from './markdown/render-markdown.js';
export { type AgreementCell, agreementHeatmapPlot } from './plots/agreement-heatmap-plot.js';
export { confusionMatrixPlot } from './plots/confusion-matrix-plot.js';
export { type LabelledCurve, precisionRecallPlot, rocPlot } from './plots/curve-plot.js';
export { forestPlot } from './plots/forest-plot.js';
export { type PrevalencePoint, prevalencePlot } from './plots/prevalence-plot.js';
export { reliabilityPlot } from './plots/reliability-plot.js';
export { renderSVG } from './plots/render-svg.js';
export { type BuildRunReportOptions, buildRunReport } from './report/build-run-report.js';
export {
  type Highlight,
  HighlightSchema,
  RUN_REPORT_FORMAT,
  type RunReport,
  RunReportSchema,
  type TranscriptExcerpt,
  TranscriptExcerptSchema,
} from './report/run-report-schema.js';
export { goldRaterName, mergeHighlights, transcriptExcerpt } from './report/transcript-excerpt.js';
export { formatAgreementText } from './text/format-agreement-text.js';
export { formatCalibrationText } from './text/format-calibration-text.js';
export { formatEstimate, formatNumber, formatPercent, formatPercentEstimate } from './text/format-number.js';
export { formatPrevalenceText } from './text/format-prevalence-text.js';
export { textTable } from './text/text-table.js';
