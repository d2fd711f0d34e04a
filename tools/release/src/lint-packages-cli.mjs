// @ts-check
// `pnpm lint:packages`: publint + attw on every publishable package (they must be built first).
// An optional argument names another repository root (the tests point it at fixtures).
import { resolve } from "node:path";
import { lintPackage } from "./lint-package.mjs";
import { listPublishablePackages } from "./publishable-packages.mjs";
import { repoRoot } from "./repo-root.mjs";

const packages = await listPublishablePackages(process.argv[2] ? resolve(process.argv[2]) : repoRoot);
if (packages.length === 0) {
  console.error("lint:packages: no publishable package found under packages/");
  process.exit(1);
}

// One package at a time: each check packs a tarball, and CI has two cores.
let failed = 0;
for (const pkg of packages) {
  const report = await lintPackage(pkg.dir);
  for (const note of report.notes) console.log(`  note  ${report.name}: ${note}`);
  if (report.errors.length === 0) {
    console.log(`  ok    ${report.name}`);
  } else {
    failed += 1;
    console.error(`  FAIL  ${report.name}`);
    for (const error of report.errors) console.error(`        ${error.replaceAll("\n", "\n        ")}`);
  }
}

if (failed > 0) {
  console.error(`lint:packages: ${failed} of ${packages.length} packages have packaging problems`);
  process.exit(1);
}
console.log(`lint:packages: ${packages.length} packages pass publint (strict) and attw (node16 + bundler)`);
