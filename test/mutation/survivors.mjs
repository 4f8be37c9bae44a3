// Lists the mutants a Stryker JSON report says survived or were not covered, one line each:
// node test/mutation/survivors.mjs reports/mutation/calculate.json
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const { line } = m.location.start;
    const code = lines[line - 1].trim().slice(0, 110);
    console.log(`${file}:${line} ${m.status} ${m.mutatorName}${m.replacement !== undefined ? ` → ${JSON.stringify(m.replacement).slice(0, 60)}` : ''}\n    ${code}`);
  }
}
