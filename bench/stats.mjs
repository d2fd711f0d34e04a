/** Median of a list of numbers (mean of the two middle values for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A distribution-free 95% confidence interval for the median, from order statistics: the ranks
 * n/2 -/+ 1.96 * sqrt(n)/2 of the sorted values (the binomial sign-test interval, in its normal
 * approximation). With fewer than 6 values it is the whole range.
 */
export function medianInterval(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const half = (1.96 * Math.sqrt(n)) / 2;
  const low = Math.max(0, Math.floor(n / 2 - half));
  const high = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  return n < 6 ? [sorted[0], sorted[n - 1]] : [sorted[low], sorted[high]];
}
