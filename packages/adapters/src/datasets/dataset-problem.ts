/** A record of a public dataset that a loader could not use: where it is and why. */
export interface DatasetProblem {
  file: string;
  /** 0-based index of the record in a JSON array. */
  record?: number;
  /** 1-based line of a CSV row. */
  line?: number;
  reason: string;
}
