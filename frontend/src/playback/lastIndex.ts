// Binary search over sorted times: the playback's steps, the transcript's
// lines, a speaker's spoken stretches.

/** Index of the last of n sorted times (time(i)) that is ≤ t, or -1. */
export function lastIndex(n: number, time: (i: number) => number, t: number): number {
  let lo = 0
  let hi = n - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (time(mid) <= t) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
