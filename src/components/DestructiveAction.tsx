import React, { ReactNode } from 'react';
import { Button, IconName, Tooltip } from '@grafana/ui';

interface Props {
  children: ReactNode;
  /** The accessible name of the action, naming whom it affects ("Sign bob out everywhere"). */
  label: string;
  /** The name when the action is not possible; defaults to `label`. */
  blockedLabel?: string;
  /** Why the action is not possible here: the button is then disabled and says why on hover. */
  blocked?: string;
  icon?: IconName;
  onClick: () => void;
}

/** A small destructive button (revoke, sign out) that, where Grafana would refuse the action, is disabled and says why. */
export function DestructiveAction({ children, label, blockedLabel = label, blocked, icon, onClick }: Props) {
  if (blocked) {
    return (
      <Tooltip content={blocked}>
        <span>
          <Button
            size="sm"
            variant="secondary"
            fill="outline"
            icon={icon}
            disabled
            aria-label={`${blockedLabel}: not possible, ${blocked}`}
          >
            {children}
          </Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <Button size="sm" variant="destructive" fill="outline" icon={icon} onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}
