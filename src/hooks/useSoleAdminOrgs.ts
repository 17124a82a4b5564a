import { useEffect, useState } from 'react';

import { getOrgMembers } from '../api/client';
import { OrgMember } from '../api/types';
import { soleAdminOrgs } from '../model/ldap';

/** Of the given orgs, those where the user is the only Admin (read fresh from Grafana). */
export function useSoleAdminOrgs(userId: number, orgIds: number[]): number[] {
  const key = orgIds.join(',');
  const [result, setResult] = useState<{ key: string; orgIds: number[] }>();
  useEffect(() => {
    if (!key) {
      return;
    }
    let cancelled = false;
    const ids = key.split(',').map(Number);
    Promise.all(ids.map((orgId) => getOrgMembers(orgId).then((members): [number, OrgMember[]] => [orgId, members])))
      .then((lists) => !cancelled && setResult({ key, orgIds: soleAdminOrgs(userId, new Map(lists)) }))
      .catch(() => !cancelled && setResult({ key, orgIds: [] }));
    return () => {
      cancelled = true;
    };
  }, [userId, key]);
  return result?.key === key ? result.orgIds : [];
}
