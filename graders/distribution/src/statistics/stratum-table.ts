/**
 * One stratum (environment) of a stratified comparison of two rates: `events`/`trials` in the
 * treatment condition and in the control condition.
 */
export interface StratumCounts {
  treatmentEvents: number;
  treatmentTrials: number;
  controlEvents: number;
  controlTrials: number;
}

/** Margins of one stratum's 2×2 table (rows: treatment, control; columns: event, no event). */
export interface StratumMargins {
  /** Treatment events, the cell the tests condition on. */
  events: number;
  treatment: number;
  control: number;
  /** Events in both conditions. */
  eventTotal: number;
  total: number;
}

/** The margins of a stratum, after checking its counts are counts. */
export function stratumMargins(stratum: StratumCounts): StratumMargins {
  const { treatmentEvents, treatmentTrials, controlEvents, controlTrials } = stratum;
  for (const [events, trials] of [
    [treatmentEvents, treatmentTrials],
    [controlEvents, controlTrials],
  ] as const) {
    if (!Number.isInteger(events) || !Number.isInteger(trials) || events < 0 || events > trials) {
      throw new RangeError(`stratum counts must be integers 0 <= events <= trials, got ${events}/${trials}`);
    }
  }
  return {
    events: treatmentEvents,
    treatment: treatmentTrials,
    control: controlTrials,
    eventTotal: treatmentEvents + controlEvents,
    total: treatmentTrials + controlTrials,
  };
}
