import React from 'react';
import { Alert, AlertVariant } from '@grafana/ui';

import { Outcome, OutcomeStatus } from '../hooks/outcomes';

const SEVERITY: Record<OutcomeStatus, AlertVariant> = { success: 'success', partial: 'warning', error: 'error' };
const PREFIX: Record<OutcomeStatus, string> = { success: 'Done', partial: 'Partly done', error: 'Failed' };

export function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  return (
    <Alert severity={SEVERITY[outcome.status]} title={`${PREFIX[outcome.status]}: ${outcome.title}`}>
      {outcome.steps.map((step) => (
        <div key={step}>{step}</div>
      ))}
      {outcome.problem && (
        <div>
          <div>Grafana said: {outcome.problem.grafanaSaid}</div>
          <div>What to do: {outcome.problem.next}</div>
        </div>
      )}
      {outcome.proof && <div data-testid="outcome-proof">Now in Grafana: {outcome.proof}</div>}
    </Alert>
  );
}

/** A compact log of this page's actions; the full result of each stays beside the user it concerns. */
export function ActivityLog({ outcomes }: { outcomes: Outcome[] }) {
  if (outcomes.length === 0) {
    return null;
  }
  return (
    <details>
      <summary>Your actions on this page ({outcomes.length})</summary>
      <ul aria-label="Your actions on this page" style={{ paddingLeft: '1.5em' }}>
        {outcomes.map((o) => (
          <li key={o.id}>
            {PREFIX[o.status]}: {o.title}
            {o.proof ? ` — ${o.proof}` : o.problem ? ` — Grafana said: ${o.problem.grafanaSaid}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
