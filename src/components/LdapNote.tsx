import React from 'react';
import { Badge, Button, Tooltip } from '@grafana/ui';

import { OrgMembership } from '../api/types';
import { MappingState } from '../hooks/useLdap';
import { useSoleAdminOrgs } from '../hooks/useSoleAdminOrgs';
import { describeDrift, Drift, ldapDrift, shortDrift, soleAdminUnmappedText } from '../model/ldap';

interface Props {
  userId: number;
  login: string;
  orgs?: OrgMembership[];
  isServerAdmin: boolean;
  state?: MappingState;
  onCheck: () => void;
}

/** Under an LDAP user's org roles: what LDAP maps now, and where Grafana differs (drift). */
export function LdapNote({ userId, login, orgs, isServerAdmin, state, onCheck }: Props) {
  if (!state) {
    return (
      <Button
        size="sm"
        variant="secondary"
        fill="outline"
        icon="search"
        onClick={onCheck}
        aria-label={`Check what LDAP maps ${login} to`}
      >
        Check LDAP
      </Button>
    );
  }
  if (state.notInDirectory) {
    return (
      <div role="note">
        <Badge color="red" text="Not in LDAP" />
        <div>The next login or “Apply LDAP now” disables this account.</div>
      </div>
    );
  }
  if (state.error || !state.mapping) {
    return (
      <div role="note">
        <Badge color="orange" text="LDAP check failed" />
        {state.error && <div>Grafana said: {state.error.grafanaSaid}.</div>}
        {state.error && <div>{state.error.next}</div>}
      </div>
    );
  }
  const drift = orgs ? ldapDrift(orgs, isServerAdmin, state.mapping) : [];
  if (drift.length === 0) {
    return (
      <Badge color="green" text="Matches LDAP" tooltip="Grafana's roles are what the LDAP group mappings give now." />
    );
  }
  return <DriftList userId={userId} login={login} drift={drift} />;
}

function DriftList({ userId, login, drift }: { userId: number; login: string; drift: Drift[] }) {
  const adminOrgsLdapRemoves = drift.flatMap((d) => (d.kind === 'removed' && d.grafana === 'Admin' ? [d] : []));
  const soleAdmin = useSoleAdminOrgs(
    userId,
    adminOrgsLdapRemoves.map((d) => d.orgId)
  );
  return (
    <div data-testid={`ldap-drift-${login}`} className="sc-wrap">
      <Tooltip
        content={
          <div>
            {drift.map((d) => (
              <div key={describeDrift(d)}>{describeDrift(d)}</div>
            ))}
          </div>
        }
      >
        <span>
          <Badge color="orange" icon="exclamation-triangle" text={`Differs from LDAP (${drift.length})`} />
        </span>
      </Tooltip>
      {drift.map((d) => (
        <div key={describeDrift(d)}>{shortDrift(d)}</div>
      ))}
      {adminOrgsLdapRemoves
        .filter((d) => soleAdmin.includes(d.orgId))
        .map((d) => (
          <div key={`sole-${d.orgId}`} role="note">
            <Badge
              color="red"
              icon="exclamation-triangle"
              text={`Sole admin of ${d.orgName}, which LDAP does not map`}
              tooltip={soleAdminUnmappedText(login, d.orgName)}
            />
          </div>
        ))}
    </div>
  );
}
