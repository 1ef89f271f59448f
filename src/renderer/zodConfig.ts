// Imported first by main.ts, so it runs before any module parses with zod. Our CSP forbids eval;
// zod probes for it with `Function('')` on its first parse, which the browser then reports as a
// blocked script. Telling zod up front to do without keeps the CSP report clean.
import { z } from 'zod'

z.config({ jitless: true })
