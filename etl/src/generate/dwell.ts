/**
 * A box leaves the port when its importer comes for it, but never before its
 * customs release: observed dwell = max(wanted dwell, customs constraint).
 * domain.md §3 gives the observed dwell (8 d / 25 d), so the wanted dwell is
 * drawn from a lognormal chosen to make the maximum come out at that median
 * and P90: with C the constraint's distribution, F_wanted(t) · F_C(t) must be
 * 0.5 at the median and 0.9 at P90, which fixes the lognormal's μ and σ.
 */
import { DAY_MS, HOUR_MS } from "./calendar.js";
import { DECLARATION_LAG_H, OFFICE_HOURS, POST_RELEASE_GATE_H } from "./durations.js";
import { Random, type LogNormal } from "./random.js";

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

const SAMPLES = 20_000;
const cache = new Map<string, LogNormal>();

/**
 * Days from the last discharge to the earliest gate-out customs allows: the
 * declaration lag, the wait for the office to open, the release, the pick-up
 * after release (as import-consignments draws them). A fixed-seed sample, so
 * the correction is the same for every run.
 */
function constraintSample(release: LogNormal): Float64Array {
  const rng = new Random(0, `dwell-constraint/${release.median}/${release.p90}`);
  const days = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const lagH = Math.min(rng.lognormal(DECLARATION_LAG_H), DECLARATION_LAG_H.median * 6);
    const hourOfDay = (rng.next() * 24 + lagH) % 24;
    const waitH = hourOfDay >= OFFICE_HOURS.open && hourOfDay < OFFICE_HOURS.close ? 0 : ((OFFICE_HOURS.open - hourOfDay + 24) % 24) + rng.between(0, 1.5);
    const releaseH = rng.lognormal(release);
    const postH = Math.min(rng.lognormal(POST_RELEASE_GATE_H), POST_RELEASE_GATE_H.median * 6);
    days[i] = ((lagH + waitH + releaseH + postH) * HOUR_MS) / DAY_MS;
  }
  return days.sort();
}

/** Share of the sample at or below `t`. */
function cdf(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

/** The lognormal (days) of the wanted dwell that makes the observed dwell follow `observed` when customs releases after `release` (hours). */
export function wantedDwell(observed: LogNormal, release: LogNormal): LogNormal {
  const key = `${observed.median}|${observed.p90}|${release.median}|${release.p90}`;
  const known = cache.get(key);
  if (known) return known;
  const sample = constraintSample(release);
  const z50 = normalQuantile(Math.min(0.5 / Math.max(cdf(sample, observed.median), 0.5), 0.99));
  const z90 = normalQuantile(Math.min(0.9 / Math.max(cdf(sample, observed.p90), 0.9), 0.999));
  const sigma = (Math.log(observed.p90) - Math.log(observed.median)) / (z90 - z50);
  const mu = Math.log(observed.median) - z50 * sigma;
  const wanted = { median: Math.exp(mu), p90: Math.exp(mu + normalQuantile(0.9) * sigma) };
  cache.set(key, wanted);
  return wanted;
}
