/** The console's addresses (web/src/console/paths.ts). */
import { describe, expect, it } from 'vitest';
import { consolePath } from '../../web/src/console/paths.ts';

describe('console paths', () => {
  it('reads the domain and the section, members by default', () => {
    expect(consolePath('/domains/d-1/members')).toEqual({ domainId: 'd-1', section: 'members' });
    expect(consolePath('/domains/d-1')).toEqual({ domainId: 'd-1', section: 'members' });
    expect(consolePath('/domains/d%201/members/')).toEqual({ domainId: 'd 1', section: 'members' });
  });

  it('refuses what is no console page', () => {
    for (const path of ['/domains/', '/domains/d-1/unknown', '/domains/d-1/members/extra', '/account', '/domains/%E0%A4%A/members']) {
      expect(consolePath(path), path).toBeUndefined();
    }
  });
});
