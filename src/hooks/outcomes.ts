// What happened after each action, as the admin reads it: the result, Grafana's words on
// failure, and the state re-read from Grafana with its time.
import { OrgMembership } from '../api/types';
import { describeVerifiedState } from '../model/outcome';
import { Explanation, explainError } from '../model/explain';
import { UserEntry } from './useInventory';

export type OutcomeStatus = 'success' | 'partial' | 'error';

export interface Outcome {
  id: number;
  userId: number;
  status: OutcomeStatus;
  /** One sentence: what was done. */
  title: string;
  /** Per step: what succeeded and what did not. */
  steps: string[];
  /** Grafana's refusal and what to do next, when something failed. */
  problem?: Explanation;
  /** The state re-read from Grafana after the action, e.g. "bob: role Viewer in Main Org., 0 sessions (checked 14:02:11)". */
  proof?: string;
}

let nextId = 1;

export function outcome(fields: Omit<Outcome, 'id'>): Outcome {
  return { id: nextId++, ...fields };
}

export function proofOf(entry: UserEntry, checkedAt = new Date()): string {
  return describeVerifiedState({
    login: entry.user.login,
    orgs: entry.orgs ?? ([] as OrgMembership[]),
    isServerAdmin: entry.user.isServerAdmin,
    sessionCount: entry.sessions?.length ?? 0,
    checkedAt,
  });
}

/** Re-reads the user; a failure to verify is reported, never hidden. */
export async function verify(
  refreshUser: (id: number) => Promise<UserEntry>,
  userId: number
): Promise<{ entry?: UserEntry; proof: string; problem?: Explanation }> {
  try {
    const entry = await refreshUser(userId);
    return { entry, proof: proofOf(entry) };
  } catch (error) {
    const problem = explainError(error);
    return { proof: `Could not re-read the user from Grafana: ${problem.grafanaSaid}`, problem };
  }
}
