// The Tally widgets bundle: importing it defines the four elements (each define is
// guarded, so loading the bundle twice is harmless) and touches nothing else global.
export { TallyElement } from './base/tallyElement';
export { TallyGoalTracker } from './goal-tracker/goalTracker';
export { TallyLeaderboard } from './leaderboard/leaderboard';
export { TallyReviewPanel } from './review-panel/reviewPanel';
export { TallyPayoutStatement } from './payout-statement/payoutStatement';
