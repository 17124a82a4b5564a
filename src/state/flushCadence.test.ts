import { FIRST_FLUSH_MS, flushDelay, LONGEST_FLUSH_MS } from './flushCadence';

describe('flushDelay', () => {
  it('shows the first answers within a tenth of a second', () => {
    expect(flushDelay(0)).toBe(FIRST_FLUSH_MS);
    expect(flushDelay(900)).toBe(FIRST_FLUSH_MS);
  });

  it('updates the screen less often as a long scan goes on, but at least once a second', () => {
    expect(flushDelay(3000)).toBe(300);
    expect(flushDelay(10_000)).toBe(LONGEST_FLUSH_MS);
    expect(flushDelay(600_000)).toBe(LONGEST_FLUSH_MS);
  });
});
