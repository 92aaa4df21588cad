import { LookupExpert, LookupInstitution } from '@firstset/contracts';
import { natsPermissions, queriesAskedBy, requestSubjectsOf, serviceQueries } from '../src';

// ADR 0019: a query one service answers for another is answered without an actor token, so the
// bus decides who may ask it: only the callers the contract names, never the gateway.
describe('service-to-service queries on the bus (ADR 0019)', () => {
  const perms = Object.fromEntries(natsPermissions({ namespace: 'ns' }).map((p) => [p.user, p]));

  it('M10.3 M11.2 compliance may ask expert management its lookups; expert management answers them', () => {
    expect(serviceQueries().map((c) => c.subject).sort()).toEqual([LookupExpert.subject, LookupInstitution.subject].sort());
    expect(queriesAskedBy('compliance')).toEqual([LookupExpert.subject, LookupInstitution.subject].sort());
    for (const c of [LookupExpert, LookupInstitution]) {
      expect(perms.compliance.publish).toContain(`ns.${c.subject}`);
      expect(perms['expert-management'].subscribe).toContain(`ns.${c.subject}`);
      expect(requestSubjectsOf('expert-management')).toContain(c.subject);
    }
  });

  it('no other user may send them: not the gateway, not another service', () => {
    for (const user of ['gateway', 'intake', 'preliminary-review', 'publicity', 'expert-management']) {
      for (const c of [LookupExpert, LookupInstitution]) expect(perms[user].publish).not.toContain(`ns.${c.subject}`);
    }
  });
});
