// The proof shown after an action: what Grafana reports now, and when it was read.
import { OrgMembership } from '../api/types';
import { plural } from './sessions';

export interface VerifiedState {
  login: string;
  orgs: OrgMembership[];
  isServerAdmin: boolean;
  sessionCount: number;
  checkedAt: Date;
}

export function clockTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "bob: role Viewer in Main Org., 0 sessions (checked 14:02:11)". */
export function describeVerifiedState(state: VerifiedState): string {
  const roles = state.orgs.length
    ? `role ${state.orgs.map((o) => `${o.role} in ${o.orgName}`).join(', ')}`
    : 'no org membership';
  const admin = state.isServerAdmin ? ', server admin' : '';
  return `${state.login}: ${roles}${admin}, ${plural(state.sessionCount, 'session')} (checked ${clockTime(state.checkedAt)})`;
}
