'use strict';
/**
 * Each request of a write row gets its own body (and, for barnomsorg, its own guardian's
 * session), so that every request stores something new. This runs in autocannon's worker
 * thread, which takes a function only as a file to require; the row's plan comes as a JSON file
 * named by KK_BENCH_PLAN (a worker's environment is a copy of the bench's when the row starts).
 * See `WritePlan` in gateway-load.ts.
 */
const { readFileSync } = require('node:fs');

const plan = JSON.parse(readFileSync(process.env.KK_BENCH_PLAN, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  const n = next++;
  switch (plan.kind) {
    case 'booking': {
      // A new time on every request: a booking stored, never a collision.
      const start = plan.firstSlot + n * plan.slotMs;
      return { ...request, body: JSON.stringify({ ...plan.fields, start: new Date(start).toISOString(), end: new Date(start + plan.slotMs).toISOString() }) };
    }
    case 'application': {
      // Each by another guardian for that guardian's child.
      const index = (n + 1) % plan.sessions.length;
      return { ...request, headers: { ...request.headers, cookie: `kk_session=${plan.sessions[index]}` }, body: JSON.stringify({ ...plan.fields, childId: plan.childIds[index] }) };
    }
    case 'document':
      // The same document under a new number.
      return { ...request, body: plan.body.replace(plan.placeholder, `${plan.prefix}${String(n).padStart(7, '0')}`) };
    default:
      throw new Error(`unknown write plan ${String(plan.kind)}`);
  }
};
