/*
 * Vitest setup file of the unit and integration suites (vitest.config.ts): every test file starts
 * with every module's policy registered, as the server and the command line do, so a test that calls
 * a use case directly (without building the app) decides by the same rules.
 */
import '../policies.ts';
