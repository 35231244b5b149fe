/** Types of the import screens, re-exported so components need not reach into worker/. */
export type { ImportAnalysis, ImportOptions } from '../worker/import-session';
export type { ColumnPlan, ImportReport, Plan, PreviewRow } from '../import/pipeline';
export { MAX_SHEET_BYTES, MAX_TEXT_BYTES } from '../import/limits';
export { ENCODINGS } from '../import/decode';
