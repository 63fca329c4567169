import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, allows, expandGrants, ROLE_PRESETS } from '#shared/permissions.ts';

describe('role presets', () => {
  it('asset-management: the manager views everything and changes only assets', () => {
    const manager = ROLE_PRESETS['asset-management'][1];
    expect(manager.permissions.filter((p) => p.endsWith(':view')).sort()).toEqual(ALL_PERMISSIONS.filter((p) => p.endsWith(':view')).sort());
    expect(manager.permissions.filter((p) => !p.endsWith(':view')).every((p) => p.startsWith('assets:'))).toBe(true);
  });

  it('a grant of * allows every permission, and nothing else does by accident', () => {
    expect(expandGrants(['*'])).toEqual(ALL_PERMISSIONS);
    expect(allows(['assets:view'], 'assets:create')).toBe(false);
  });
});
