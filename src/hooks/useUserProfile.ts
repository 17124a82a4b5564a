import { useEffect, useState } from 'react';

import { getUser, getUserOrgs } from '../api/client';
import { OrgMembership, UserProfile } from '../api/types';

export interface ProfileState {
  profile?: UserProfile;
  orgs?: OrgMembership[];
  error?: unknown;
}

/** Reads a user's profile (with Grafana's sync flags) and memberships fresh, for the role editor. Key the caller by user. */
export function useUserProfile(userId: number): ProfileState {
  const [state, setState] = useState<ProfileState>({});
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([getUser(userId, controller.signal), getUserOrgs(userId, controller.signal)])
      .then(([profile, orgs]) => !controller.signal.aborted && setState({ profile, orgs }))
      .catch((error) => !controller.signal.aborted && setState({ error }));
    return () => controller.abort();
  }, [userId]);
  return state;
}
