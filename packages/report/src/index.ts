export { type AgreementCell, agreementHeatmapPlot } from './plots/agreement-heatmap-plot.js';
export { confusionMatrixPlot } from './plots/confusion-matrix-plot.js';
export { type LabelledCurve, precisionRecallPlot, rocPlot } from './plots/curve-plot.js';
export { forestPlot } from './plots/forest-plot.js';
export { type PrevalencePoint, prevalencePlot } from './plots/prevalence-plot.js';
export { reliabilityPlot } from './plots/reliability-plot.js';
export { renderSVG } from './plots/render-svg.js';
export { formatCalibrationText } from './text/format-calibration-text.js';
