// Run by `bench:smoke` (node's own test runner: the bench package has no test framework).
import assert from "node:assert/strict";
import { test } from "node:test";
import { median, medianInterval } from "./stats.mjs";

test("median of odd and even counts", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test("the median's 95% interval of 1..100 spans ranks 40 to 61 (sign-test bounds)", () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.deepEqual(medianInterval(values), [40, 61]);
});

test("the interval always holds the median and narrows as samples grow", () => {
  const spread = (n) => {
    const values = Array.from({ length: n }, (_, i) => i / n);
    const [low, high] = medianInterval(values);
    assert.ok(low <= median(values) && median(values) <= high);
    return high - low;
  };
  assert.ok(spread(400) < spread(40));
});

test("too few values give the whole range", () => {
  assert.deepEqual(medianInterval([5, 1, 3]), [1, 5]);
});
