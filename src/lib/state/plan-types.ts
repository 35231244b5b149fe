/** Types of the Plans screen, re-exported so components need not reach into worker/. */
export type {
  PlanAccountRow,
  PlanItemView,
  PlanSummary,
  PlanWeekView,
  RebalanceProposal
} from '../worker/protocol';
