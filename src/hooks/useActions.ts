// The admin's actions. Each one calls Grafana, then re-reads the user and records the outcome.
import { useCallback, useState } from 'react';

import { revokeSession, setOrgRole, setServerAdmin, signOutEverywhere, syncLdapUser } from '../api/client';
import { isGrafanaApiError } from '../api/errors';
import { OrgMembership, Session, UserSummary } from '../api/types';
import { Explanation, explainError } from '../model/explain';
import { changedOrgRoles, RoleEdit } from '../model/roles';
import { allSessions, plural, sessionTitle } from '../model/sessions';
import { clockTime } from '../model/outcome';
import { Outcome, outcome, verify } from './outcomes';
import { forEachLimited } from './pool';
import { UserEntry } from './useInventory';

export interface Actions {
  outcomes: Outcome[];
  revoke: (user: UserSummary, session: Session) => Promise<Outcome>;
  signOut: (user: UserSummary, sessionCount: number) => Promise<Outcome>;
  saveRoles: (user: UserSummary, orgs: OrgMembership[], edit: RoleEdit, signOutAfter: boolean) => Promise<Outcome>;
  applyLdap: (user: UserSummary, sessionCount: number, viewerId: number) => Promise<Outcome>;
  revokeMany: (targets: Array<{ user: UserSummary; sessions: Session[] }>) => Promise<Outcome>;
}

/** Outcomes of actions on many users at once are recorded under this id. */
export const BULK_USER_ID = -1;
const BULK_CONCURRENCY = 6;

function isLdapRemovedUser(error: unknown): boolean {
  return (
    isGrafanaApiError(error) && error.status === 400 && /not found in LDAP\. Disabled the user/i.test(error.message)
  );
}

export function useActions(refreshUser: (id: number) => Promise<UserEntry>): Actions {
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const record = useCallback((result: Outcome) => {
    setOutcomes((current) => [result, ...current].slice(0, 50));
    return result;
  }, []);

  const revoke = useCallback(
    async (user: UserSummary, session: Session) => {
      const title = `Revoke ${user.login}'s session (${sessionTitle(session)})`;
      try {
        await revokeSession(user.id, session.id);
      } catch (error) {
        const { proof } = await verify(refreshUser, user.id);
        if (isGrafanaApiError(error) && error.status === 404 && /token not found/i.test(error.message)) {
          // The session was gone before we asked: what the admin wanted.
          return record(
            outcome({
              userId: user.id,
              status: 'success',
              title,
              steps: [`Already ended (Grafana: ${error.message}).`],
              proof,
            })
          );
        }
        return record(
          outcome({ userId: user.id, status: 'error', title, steps: [], problem: explainError(error), proof })
        );
      }
      const { entry, proof, problem } = await verify(refreshUser, user.id);
      const stillListed = entry?.sessions?.some((s) => s.id === session.id);
      return record(
        outcome({
          userId: user.id,
          status: problem || stillListed ? 'partial' : 'success',
          title,
          steps: [stillListed ? 'Grafana accepted the revoke but still lists the session.' : 'Session revoked.'],
          problem,
          proof,
        })
      );
    },
    [record, refreshUser]
  );

  const signOut = useCallback(
    async (user: UserSummary, sessionCount: number) => {
      const title = `Sign ${user.login} out everywhere (${plural(sessionCount, 'session')})`;
      try {
        await signOutEverywhere(user.id);
      } catch (error) {
        const { proof } = await verify(refreshUser, user.id);
        return record(
          outcome({ userId: user.id, status: 'error', title, steps: [], problem: explainError(error), proof })
        );
      }
      const { entry, proof, problem } = await verify(refreshUser, user.id);
      const left = entry?.sessions?.length ?? 0;
      return record(
        outcome({
          userId: user.id,
          status: problem || left > 0 ? 'partial' : 'success',
          title,
          steps: [left > 0 ? `Grafana still lists ${plural(left, 'session')}.` : `Ended ${allSessions(sessionCount)}.`],
          problem,
          proof,
        })
      );
    },
    [record, refreshUser]
  );

  const saveRoles = useCallback(
    async (user: UserSummary, orgs: OrgMembership[], edit: RoleEdit, signOutAfter: boolean) => {
      const steps: string[] = [];
      let problem;
      let failed = 0;
      let done = 0;
      for (const change of changedOrgRoles(orgs, edit)) {
        try {
          await setOrgRole(change.orgId, user.id, change.to);
          steps.push(`Role in ${change.orgName} changed from ${change.from} to ${change.to}.`);
          done++;
        } catch (error) {
          problem = problem ?? explainError(error);
          steps.push(
            `Role in ${change.orgName} NOT changed (still ${change.from}): ${explainError(error).grafanaSaid}.`
          );
          failed++;
        }
      }
      if (edit.isServerAdmin !== user.isServerAdmin) {
        const what = edit.isServerAdmin ? 'granted' : 'removed';
        try {
          await setServerAdmin(user.id, edit.isServerAdmin);
          steps.push(`Server admin ${what}.`);
          done++;
        } catch (error) {
          problem = problem ?? explainError(error);
          steps.push(`Server admin NOT ${what}: ${explainError(error).grafanaSaid}.`);
          failed++;
        }
      }
      if (signOutAfter && failed === 0) {
        try {
          await signOutEverywhere(user.id);
          steps.push('Signed out everywhere: every session ended.');
          done++;
        } catch (error) {
          problem = problem ?? explainError(error);
          steps.push(`Sign-out NOT done: ${explainError(error).grafanaSaid}.`);
          failed++;
        }
      } else if (signOutAfter) {
        steps.push('Sessions left untouched because a role change was refused.');
      }
      const verified = await verify(refreshUser, user.id);
      const status = failed === 0 && !verified.problem ? 'success' : done > 0 ? 'partial' : 'error';
      return record(
        outcome({
          userId: user.id,
          status,
          title: `Change ${user.login}'s roles${signOutAfter ? ' and sign out' : ''}`,
          steps,
          problem: problem ?? verified.problem,
          proof: verified.proof,
        })
      );
    },
    [record, refreshUser]
  );

  const applyLdap = useCallback(
    async (user: UserSummary, sessionCount: number, viewerId: number) => {
      const title = `Apply LDAP now to ${user.login} and sign out`;
      const steps: string[] = [];
      try {
        await syncLdapUser(user.id);
        steps.push('LDAP applied: roles and server admin flag set from the group mappings.');
      } catch (error) {
        if (!isLdapRemovedUser(error)) {
          const { proof } = await verify(refreshUser, user.id);
          return record(
            outcome({
              userId: user.id,
              status: 'error',
              title,
              steps: ['Sessions left untouched.'],
              problem: explainError(error),
              proof,
            })
          );
        }
        // Grafana's 400 here means it disabled the user and revoked every session: what the admin wanted.
        steps.push('LDAP no longer has this user: Grafana disabled the account and ended all its sessions.');
        const verified = await verify(refreshUser, user.id);
        return record(
          outcome({
            userId: user.id,
            status: verified.problem ? 'partial' : 'success',
            title,
            steps,
            problem: verified.problem,
            proof: verified.proof,
          })
        );
      }
      let problem;
      if (user.id === viewerId) {
        steps.push('Your own sessions were left alone (Grafana does not sign you out everywhere).');
      } else if (sessionCount === 0) {
        steps.push('No sessions to end.');
      } else {
        try {
          await signOutEverywhere(user.id);
          steps.push('Signed out everywhere: the next login re-reads LDAP.');
        } catch (error) {
          problem = explainError(error);
          steps.push(`Sign-out NOT done: ${problem.grafanaSaid}.`);
        }
      }
      const verified = await verify(refreshUser, user.id);
      return record(
        outcome({
          userId: user.id,
          status: problem || verified.problem ? 'partial' : 'success',
          title,
          steps,
          problem: problem ?? verified.problem,
          proof: verified.proof,
        })
      );
    },
    [record, refreshUser]
  );

  const revokeMany = useCallback(
    async (targets: Array<{ user: UserSummary; sessions: Session[] }>) => {
      const jobs = targets.flatMap(({ user, sessions }) =>
        sessions.filter((s) => !s.isActive).map((session) => ({ user, session }))
      );
      const failures: string[] = [];
      let problem: Explanation | undefined;
      await forEachLimited(jobs, BULK_CONCURRENCY, async ({ user, session }) => {
        try {
          await revokeSession(user.id, session.id);
        } catch (error) {
          const explained = explainError(error);
          problem = problem ?? explained;
          failures.push(`${user.login}: ${sessionTitle(session)} NOT revoked (${explained.grafanaSaid})`);
        }
      });
      const users = targets.map((t) => t.user);
      let left = 0;
      await forEachLimited(users, BULK_CONCURRENCY, async (user) => {
        const { entry } = await verify(refreshUser, user.id);
        left += entry?.sessions?.length ?? 0;
      });
      const done = jobs.length - failures.length;
      const checked = clockTime(new Date());
      return record(
        outcome({
          userId: BULK_USER_ID,
          status: failures.length === 0 ? 'success' : done > 0 ? 'partial' : 'error',
          title: `Revoke ${plural(jobs.length, 'shown session')} of ${plural(users.length, 'user')}`,
          steps: [`${plural(done, 'session')} revoked.`, ...failures],
          problem,
          proof: `those ${plural(users.length, 'user')} now hold ${plural(left, 'session')} in all (checked ${checked})`,
        })
      );
    },
    [record, refreshUser]
  );

  return { outcomes, revoke, signOut, saveRoles, applyLdap, revokeMany };
}
