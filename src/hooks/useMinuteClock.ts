import { useEffect, useState } from 'react';

/**
 * The current minute, as a number that changes once a minute. Rows render again only when their props change, so
 * a row given this keeps its "5 minutes ago" current and in step with the rows beside it.
 */
export function useMinuteClock(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 10_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}
