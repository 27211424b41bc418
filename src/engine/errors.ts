/** Thrown by `analyzeFile` when its deadline passes; the caller skips the file with a notice. */
export class AnalysisBudgetExceeded extends Error {
  constructor(readonly file: string) {
    super(`analysis of ${file} exceeded its time budget`);
    this.name = 'AnalysisBudgetExceeded';
  }
}
