/**
 * Validates every page in dist/ with the Nu HTML Checker (npm vnu-jar, on Java).
 * Exits non-zero on any error. Usage: node tests/site/check-html.ts [dist]
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const dist = process.argv[2] ?? 'dist';
const vnu = createRequire(import.meta.url)('vnu-jar') as string;
const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--skip-non-html', '--format', 'gnu', dist], { encoding: 'utf8' });
if (result.error) throw new Error('could not run java for the Nu HTML Checker', { cause: result.error });
const errors = result.stderr.split('\n').filter((line) => line.includes('error'));
for (const error of errors) console.error(error);
console.log(`Nu HTML Checker: ${errors.length} errors in ${dist}`);
process.exit(errors.length === 0 && result.status === 0 ? 0 : 1);
