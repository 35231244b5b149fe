/** Types of the segmentation screens, re-exported so components need not reach into worker/. */
export type { Explanation, ScatterView, SegmentationView } from '../worker/protocol';
