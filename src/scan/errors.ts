/** The scan was asked for something that cannot be done (a missing path). The CLI exits with 2. */
export class ScanInputError extends Error {
  constructor(
    message: string,
    /** What the user should do about it. */
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ScanInputError';
  }
}
