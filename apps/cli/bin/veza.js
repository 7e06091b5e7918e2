#!/usr/bin/env node
// The `veza` command. The code base is TypeScript run through tsx, so there is no build step
// between a checkout and a working command (see docs/adr/0001-typescript-without-build-step.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
