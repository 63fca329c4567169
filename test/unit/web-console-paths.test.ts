/** The console's addresses (web/src/console/paths.ts). */
import { describe, expect, it } from 'vitest';
import { consolePath, holds, sectionPath } from '../../web/src/console/paths.ts';

describe('console paths', () => {
  it('reads the domain and the section, members by default', () => {
    expect(consolePath('/domains/d-1/members')).toEqual({ domainId: 'd-1', section: 'members' });
    expect(consolePath('/domains/d-1')).toEqual({ domainId: 'd-1', section: 'members' });
    expect(consolePath('/domains/d%201/members/')).toEqual({ domainId: 'd 1', section: 'members' });
    expect(consolePath('/domains/d-1/access-review')).toEqual({ domainId: 'd-1', section: 'access-review' });
  });

  it('reads an item inside a section, and writes the same path back', () => {
    expect(consolePath('/domains/d-1/members/u%2F1')).toEqual({ domainId: 'd-1', section: 'members', item: 'u/1' });
    expect(sectionPath('d 1', 'members', 'u/1')).toBe('/domains/d%201/members/u%2F1');
    expect(consolePath(sectionPath('d 1', 'members', 'u/1'))).toEqual({ domainId: 'd 1', section: 'members', item: 'u/1' });
  });

  it('holds a permission by name or by *', () => {
    expect(holds(['members:view'], 'members:view')).toBe(true);
    expect(holds(['*'], 'settings:update')).toBe(true);
    expect(holds(['members:view'], 'members:update')).toBe(false);
    expect(holds(undefined, 'members:view')).toBe(false);
  });

  it('refuses what is no console page', () => {
    for (const path of ['/domains/', '/domains/d-1/unknown', '/domains/d-1/members/u-1/extra', '/account', '/domains/%E0%A4%A/members']) {
      expect(consolePath(path), path).toBeUndefined();
    }
  });
});
