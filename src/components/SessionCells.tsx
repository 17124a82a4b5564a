import React from 'react';
import { dateTimeFormat, dateTimeFormatTimeAgo } from '@grafana/data';
import { Badge } from '@grafana/ui';

import { Session } from '../api/types';
import { DestructiveAction } from './DestructiveAction';
import { browserLabel, deviceLabel, osLabel, whyNotRevocable } from '../model/sessions';

export const SESSION_COLUMNS = 5;

function When({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={dateTimeFormat(date)}>
      {dateTimeFormatTimeAgo(date)}
    </time>
  );
}

interface Props {
  session: Session;
  userLogin: string;
  onRevoke: (session: Session) => void;
}

/** The cells of one session row; the user's cells are rendered by the first row of the group. */
export function SessionCells({ session, userLogin, onRevoke }: Props) {
  const blocked = whyNotRevocable(session);
  const unparsed = browserLabel(session) === 'Unknown browser';
  return (
    <>
      <td title={unparsed ? 'Grafana could not tell the browser from the user agent' : browserLabel(session)}>
        <div className="sc-truncate">{browserLabel(session)}</div>
        {session.isActive && <Badge color="blue" text="This browser" />}
      </td>
      <td title={osLabel(session)}>
        <div className="sc-truncate">{osLabel(session)}</div>
        <div className="sc-second">Device: {deviceLabel(session)}</div>
      </td>
      <td>{session.clientIp || '—'}</td>
      <td>
        <div>
          <When date={session.createdAt} />
        </div>
        <div className="sc-second">
          seen <When date={session.seenAt} />
        </div>
      </td>
      <td className="sc-action">
        <DestructiveAction
          label={`Revoke ${userLogin}'s session on ${browserLabel(session)} from ${session.clientIp || 'an unknown address'}`}
          blockedLabel={`Revoke ${userLogin}'s session`}
          blocked={blocked}
          onClick={() => onRevoke(session)}
        >
          Revoke
        </DestructiveAction>
      </td>
    </>
  );
}
