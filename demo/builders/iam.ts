/**
 * IAM builders: users, groups, roles and customer-managed policies, as Config
 * records them (`region` "global", unique ids as resource ids, documents
 * URL-encoded, a version list for policies, relationships between them).
 */
import {
  iamEncode,
  iamUniqueId,
  type Json,
  type JsonObject,
  type Ref,
  record,
  related,
  type Scope,
  tagList,
} from './ci.js';

const GLOBAL = { region: 'global', availabilityZone: 'Not Applicable' } as const;

type PrincipalKind = 'user' | 'role' | 'group';
const ID_PREFIX: Record<PrincipalKind | 'policy', string> = {
  user: 'AIDA',
  role: 'AROA',
  group: 'AGPA',
  policy: 'ANPA',
};
const TYPE: Record<PrincipalKind | 'policy', string> = {
  user: 'AWS::IAM::User',
  role: 'AWS::IAM::Role',
  group: 'AWS::IAM::Group',
  policy: 'AWS::IAM::Policy',
};

/** The identity of an IAM principal or policy, derived from its name so that items can point at each other. */
export function iamRef(accountId: string, kind: PrincipalKind | 'policy', name: string, path = '/'): Ref {
  return {
    type: TYPE[kind],
    id: iamUniqueId(ID_PREFIX[kind], `${accountId}/${kind}/${name}`),
    name,
    arn: `arn:aws:iam::${accountId}:${kind}${path}${name}`,
    accountId,
    region: 'global',
  };
}

/** An attached managed policy as IAM lists it. */
export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
}

/** An AWS-managed policy by path and name, e.g. `AdministratorAccess` or `service-role/AWS_ConfigRole`. */
export const awsManaged = (pathAndName: string): AttachedPolicy => ({
  policyName: pathAndName.split('/').pop() ?? pathAndName,
  policyArn: `arn:aws:iam::aws:policy/${pathAndName}`,
});

/** A customer-managed policy built with `iamPolicy`. */
export const customerManaged = (policy: Ref): AttachedPolicy => ({
  policyName: policy.name ?? policy.id,
  policyArn: policy.arn,
});

/** An inline policy: its name and its document. */
export interface InlinePolicy {
  name: string;
  document: JsonObject;
}

const inlineList = (policies: InlinePolicy[] = []): Json[] =>
  policies.map((p) => ({ policyName: p.name, policyDocument: iamEncode(p.document) }));

const attachedList = (policies: AttachedPolicy[] = []): Json[] =>
  policies.map((p) => ({ policyName: p.policyName, policyArn: p.policyArn }));

/** Relationships to the customer-managed policies among `attached` (AWS-managed ones are not recorded). */
const policyRelationships = (accountId: string, attached: AttachedPolicy[] = []): JsonObject[] =>
  attached
    .filter((p) => p.policyArn.includes(`::${accountId}:`))
    .map((p) => related('Is attached to CustomerManagedPolicy', iamRef(accountId, 'policy', p.policyName)));

export interface UserSpec {
  name: string;
  createdAt: string;
  groups?: string[];
  attached?: AttachedPolicy[];
  inline?: InlinePolicy[];
  tags?: Record<string, string>;
}

export function iamUser(scope: Scope, spec: UserSpec): Ref {
  const ref = iamRef(scope.accountId, 'user', spec.name);
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    relationships: [
      ...(spec.groups ?? []).map((group) => related('Is attached to Group', iamRef(scope.accountId, 'group', group))),
      ...policyRelationships(scope.accountId, spec.attached),
    ],
    configuration: {
      path: '/',
      userName: spec.name,
      userId: ref.id,
      arn: ref.arn,
      createDate: spec.createdAt,
      userPolicyList: inlineList(spec.inline),
      groupList: spec.groups ?? [],
      attachedManagedPolicies: attachedList(spec.attached),
      permissionsBoundary: null,
      tags: tagList(spec.tags ?? {}),
    },
  });
}

export interface GroupSpec {
  name: string;
  createdAt: string;
  members: string[];
  attached?: AttachedPolicy[];
  inline?: InlinePolicy[];
}

export function iamGroup(scope: Scope, spec: GroupSpec): Ref {
  const ref = iamRef(scope.accountId, 'group', spec.name);
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    relationships: [
      ...spec.members.map((user) => related('Contains User', iamRef(scope.accountId, 'user', user))),
      ...policyRelationships(scope.accountId, spec.attached),
    ],
    configuration: {
      path: '/',
      groupName: spec.name,
      groupId: ref.id,
      arn: ref.arn,
      createDate: spec.createdAt,
      groupPolicyList: inlineList(spec.inline),
      attachedManagedPolicies: attachedList(spec.attached),
    },
  });
}

export interface RoleSpec {
  name: string;
  path?: string;
  createdAt: string;
  trust: JsonObject;
  attached?: AttachedPolicy[];
  inline?: InlinePolicy[];
  /** Instance profile of the same name, for EC2 roles. */
  instanceProfile?: boolean;
  lastUsed?: { date: string; region: string };
  description?: string;
  tags?: Record<string, string>;
}

export function iamRole(scope: Scope, spec: RoleSpec): Ref {
  const path = spec.path ?? '/';
  const ref = iamRef(scope.accountId, 'role', spec.name, path);
  const profiles: Json[] = spec.instanceProfile
    ? [
        {
          path: '/',
          instanceProfileName: spec.name,
          instanceProfileId: iamUniqueId('AIPA', `${scope.accountId}/profile/${spec.name}`),
          arn: `arn:aws:iam::${scope.accountId}:instance-profile/${spec.name}`,
          createDate: spec.createdAt,
          roles: [],
        },
      ]
    : [];
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    relationships: policyRelationships(scope.accountId, spec.attached),
    configuration: {
      path,
      roleName: spec.name,
      roleId: ref.id,
      arn: ref.arn,
      createDate: spec.createdAt,
      assumeRolePolicyDocument: iamEncode(spec.trust),
      instanceProfileList: profiles,
      rolePolicyList: inlineList(spec.inline),
      attachedManagedPolicies: attachedList(spec.attached),
      permissionsBoundary: null,
      tags: tagList(spec.tags ?? {}),
      roleLastUsed: spec.lastUsed ? { lastUsedDate: spec.lastUsed.date, region: spec.lastUsed.region } : null,
      maxSessionDuration: path.startsWith('/aws-reserved/') ? 43200 : 3600,
      ...(spec.description ? { description: spec.description } : {}),
    },
  });
}

export interface PolicySpec {
  name: string;
  description: string;
  createdAt: string;
  /** Versions oldest first; the last one is the default. */
  versions: { document: JsonObject; createdAt: string }[];
  attachedTo?: { kind: PrincipalKind; name: string }[];
}

export function iamPolicy(scope: Scope, spec: PolicySpec): Ref {
  const ref = iamRef(scope.accountId, 'policy', spec.name);
  const attachedTo = spec.attachedTo ?? [];
  const defaultVersion = `v${spec.versions.length}`;
  const relationName: Record<PrincipalKind, string> = {
    user: 'Is attached to User',
    role: 'Is attached to Role',
    group: 'Is attached to Group',
  };
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    relationships: attachedTo.map((p) => related(relationName[p.kind], iamRef(scope.accountId, p.kind, p.name))),
    configuration: {
      policyName: spec.name,
      policyId: ref.id,
      arn: ref.arn,
      path: '/',
      defaultVersionId: defaultVersion,
      attachmentCount: attachedTo.length,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      description: spec.description,
      createDate: spec.createdAt,
      updateDate: spec.versions.at(-1)?.createdAt ?? spec.createdAt,
      // Console-authored documents keep their indentation, URL-encoded with it.
      policyVersionList: spec.versions.map((version, index) => ({
        document: iamEncode(version.document, 'pretty'),
        versionId: `v${index + 1}`,
        isDefaultVersion: `v${index + 1}` === defaultVersion,
        createDate: version.createdAt,
      })),
    },
  });
}
