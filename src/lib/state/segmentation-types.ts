/** Types of the segmentation screens, re-exported so components need not reach into worker/. */
export type { Explanation, SegmentationView } from '../worker/protocol';
