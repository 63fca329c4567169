/**
 * Permissions and role presets: SPEC section 3, exactly. Pure data and pure functions,
 * shared by the request pipeline, the domain layer and the CDK config validation.
 */

export const RESOURCE_ACTIONS = {
  settings: ['view', 'update'],
  members: ['view', 'create', 'update', 'delete'],
  roles: ['view', 'manage'],
  invitations: ['view', 'create', 'delete'],
  history: ['view'],
  assets: ['view', 'create', 'update', 'delete', 'checkout', 'checkin', 'reserve'],
  locations: ['view', 'create', 'update', 'delete'],
} as const satisfies Record<string, readonly string[]>;

export type Resource = keyof typeof RESOURCE_ACTIONS;
export type Permission = {
  [R in Resource]: `${R}:${(typeof RESOURCE_ACTIONS)[R][number]}`;
}[Resource];
/** A grant held by a role: one permission, or `*` for everything. */
export type Grant = Permission | '*';

/** Every `resource:action` of the product, in table order. */
export const ALL_PERMISSIONS: readonly Permission[] = Object.entries(RESOURCE_ACTIONS).flatMap(
  ([resource, actions]) => actions.map((action) => `${resource}:${action}` as Permission),
);

export function isGrant(value: string): value is Grant {
  return value === '*' || (ALL_PERMISSIONS as readonly string[]).includes(value);
}

export interface RoleDefinition {
  id: string;
  name: string;
  description: string;
  permissions: Grant[];
  builtIn: boolean;
}

const everyView = ALL_PERMISSIONS.filter((p) => p.endsWith(':view'));

export const ROLE_PRESETS = {
  'asset-management': [
    {
      id: 'administrator',
      name: 'Administrator',
      description: 'Everything: domain settings, members, roles, invitations, history, assets and locations.',
      permissions: ['*'],
      builtIn: true,
    },
    {
      id: 'manager',
      name: 'Manager',
      description: 'Creates, updates and deletes assets, checks them out, in and reserves them; views everything.',
      permissions: [
        'assets:create',
        'assets:update',
        'assets:delete',
        'assets:checkout',
        'assets:checkin',
        'assets:reserve',
        ...everyView,
      ],
      builtIn: true,
    },
    {
      id: 'user',
      name: 'User',
      description: 'Uses assets (check out, check in, reserve); views assets, locations, members and history.',
      permissions: [
        'assets:checkout',
        'assets:checkin',
        'assets:reserve',
        'assets:view',
        'locations:view',
        'members:view',
        'history:view',
      ],
      builtIn: true,
    },
  ],
  'admin-member': [
    {
      id: 'admin',
      name: 'Admin',
      description: 'Everything: domain settings, users and permissions, billing and customization.',
      permissions: ['*'],
      builtIn: true,
    },
    {
      id: 'member',
      name: 'Member',
      description: 'Operational work: assets (view, create, update, check out, check in, reserve), locations and members (view).',
      permissions: [
        'assets:view',
        'assets:create',
        'assets:update',
        'assets:checkout',
        'assets:checkin',
        'assets:reserve',
        'locations:view',
        'members:view',
      ],
      builtIn: true,
    },
  ],
} as const satisfies Record<string, readonly RoleDefinition[]>;

export type RolePreset = keyof typeof ROLE_PRESETS;
export const ROLE_PRESET_NAMES = Object.keys(ROLE_PRESETS) as RolePreset[];

/** The built-in roles of a preset, as fresh mutable copies. */
export function builtInRoles(preset: RolePreset): RoleDefinition[] {
  return ROLE_PRESETS[preset].map((role) => ({ ...role, permissions: [...role.permissions] }));
}

/** The preset's admin role: the first built-in role holding `*`. */
export function adminRoleId(preset: RolePreset): string {
  return ROLE_PRESETS[preset][0].id;
}

/** True when a set of grants allows the permission (`*` allows everything). */
export function allows(grants: readonly Grant[], permission: Permission): boolean {
  return grants.includes('*') || grants.includes(permission);
}

/** True for an admin role: one holding `*`. */
export function isAdminGrant(grants: readonly Grant[]): boolean {
  return grants.includes('*');
}

/** The explicit list of permissions a set of grants allows (`*` expanded). */
export function expandGrants(grants: readonly Grant[]): Permission[] {
  return grants.includes('*') ? [...ALL_PERMISSIONS] : ALL_PERMISSIONS.filter((p) => grants.includes(p));
}
