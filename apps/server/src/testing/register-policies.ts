/*
 * Vitest setup file of the unit and integration suites (vitest.config.ts): every server test file
 * starts with every module's policy registered, as the server and the command line do, so a test that
 * calls a use case directly (without building the app) decides by the same rules. Test files of the
 * packages and the web app decide nothing and skip it: loading every module costs seconds a file.
 */
import { expect } from 'vitest';

const testPath = expect.getState().testPath ?? '';
if (!/[/\\](packages|apps[/\\]web)[/\\]/.test(testPath)) await import('../policies.ts');
