import React from 'react';
import { Alert, AlertVariant } from '@grafana/ui';

import { Outcome, OutcomeStatus } from '../hooks/outcomes';

const SEVERITY: Record<OutcomeStatus, AlertVariant> = { success: 'success', partial: 'warning', error: 'error' };
const PREFIX: Record<OutcomeStatus, string> = { success: 'Done', partial: 'Partly done', error: 'Failed' };

export function OutcomeAlert({ outcome, onRemove }: { outcome: Outcome; onRemove?: () => void }) {
  return (
    <Alert
      severity={SEVERITY[outcome.status]}
      title={`${PREFIX[outcome.status]}: ${outcome.title}`}
      onRemove={onRemove}
    >
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

export function OutcomeList({ outcomes, onDismiss }: { outcomes: Outcome[]; onDismiss: (id: number) => void }) {
  if (outcomes.length === 0) {
    return null;
  }
  return (
    <section aria-label="Results of your actions">
      {outcomes.slice(0, 3).map((o) => (
        <OutcomeAlert key={o.id} outcome={o} onRemove={() => onDismiss(o.id)} />
      ))}
    </section>
  );
}
