import { z } from 'zod';

/**
 * Zod 4 compiles fast object parsers with `new Function`, which the renderer's CSP
 * (script-src 'self', no 'unsafe-eval') forbids: every schema built with JIT on probes eval and
 * Chromium reports a CSP violation. Turning JIT off must happen before any schema is
 * constructed, so main.tsx imports this module first.
 */
z.config({ jitless: true });
