// Human-readable report of a spec diff.

/**
 * @param {import("./spec-diff.mjs").SpecDiff} diff
 * @param {{ spec: string, upstream: string[] }} names
 * @returns {string}
 */
export function formatDiff(diff, names) {
  /** @type {string[]} */
  const lines = [];
  /** @param {import("./spec-diff.mjs").OperationRef} op */
  const label = (op) => `${op.method} ${op.path}${op.operationId ? ` (${op.operationId})` : ""}`;
  lines.push(`spec:diff ${names.spec} against ${names.upstream.join(", ")}`);
  const withMismatch = diff.covered.filter((c) => c.mismatches.length > 0);
  lines.push(`covered: ${diff.covered.length} operations, ${withMismatch.length} with mismatches`);
  for (const c of withMismatch) {
    lines.push(`  ✗ ${label(c.ours)} vs upstream ${label(c.upstream)}`);
    for (const m of c.mismatches) {
      const detail = m.kind === "missing" ? `upstream ${m.upstream}` : m.kind === "extra" ? `ours ${m.ours}` : `ours ${m.ours ?? "-"}, upstream ${m.upstream ?? "-"}`;
      lines.push(`      ${m.kind.padEnd(11)} ${m.where}: ${detail}`);
    }
  }
  if (diff.notUpstream.length > 0) {
    lines.push(`not in upstream (wrong path or method?): ${diff.notUpstream.length}`);
    for (const op of diff.notUpstream) lines.push(`  ✗ ${label(op)}`);
  }
  lines.push(`uncovered upstream operations (reported, not a failure): ${diff.uncovered.length}`);
  for (const op of diff.uncovered) lines.push(`  - ${label(op)}`);
  const failed = withMismatch.length > 0 || diff.notUpstream.length > 0;
  lines.push(failed ? "spec:diff: FAILED (mismatches in covered operations)" : "spec:diff: no mismatch in covered operations");
  return `${lines.join("\n")}\n`;
}
