import { z } from 'zod';

// The shop's Content-Security-Policy forbids eval. zod's JIT would probe `new Function` (a CSP violation the
// browser reports) for no gain on forms this small: validate without it. Import z from here, not 'zod'.
z.config({ jitless: true });

export { z };
