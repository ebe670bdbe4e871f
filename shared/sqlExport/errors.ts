/** The scorecard (or an option) cannot be exported to SQL faithfully; the message says what and where. */
export class SqlExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlExportError';
  }
}
