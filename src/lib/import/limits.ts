/** Import size limits, one place for the worker that enforces them and the screen that says them. */

/** Largest delimited text file accepted (bytes). */
export const MAX_TEXT_BYTES = 600_000_000;
/** Largest spreadsheet accepted (bytes, compressed). */
export const MAX_SHEET_BYTES = 100_000_000;
