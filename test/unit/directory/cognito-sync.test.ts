import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { cognitoUserPool } from '../../../adapters/cognito/user-pool.js';
import { syncPerson, type DirectorySyncDeps } from '../../../application/directory-sync.js';
import { Directory, type PersonView } from '../../../domain/agency/directory.js';
import { Role } from '../../../events/primitives.js';
import { createDirectorySyncHandler } from '../../../functions/directory-sync/handler.js';
import { necs } from '../../support/agency.js';
import { lambdaContext } from '../../support/lambda.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'ap-south-1_TEST';
const chief: PersonView = {
  id: 'ppd.officer',
  name: 'Planning Officer',
  email: 'ppd.officer@necs.example',
  roles: ['division_chief'],
  division: 'ppd',
  active: true,
};

/** Sync deps over a directory holding `person` (and the seeded others). */
const depsWith = (person: PersonView): DirectorySyncDeps => {
  const others = necs.config.users.filter((u) => u.id !== person.id).map((u) => ({ ...u, active: true }));
  return {
    directory: new Directory(necs.config, { people: [...others, person], divisions: necs.config.divisions }),
    pool: cognitoUserPool(new CognitoIdentityProviderClient({ region: 'ap-south-1' }), POOL),
    roleGroups: Role.options,
    now: () => new Date('2026-11-23T04:00:00Z'),
  };
};

/** Cognito knows the user with these groups and attributes. */
const existing = (groups: string[], attributes: Record<string, string>, enabled = true) => {
  cognito.on(AdminGetUserCommand).resolves({
    Username: 'ppd.officer',
    Enabled: enabled,
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
  });
  cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: groups.map((GroupName) => ({ GroupName })) });
};
const inSync = {
  email: 'ppd.officer@necs.example',
  email_verified: 'true',
  name: 'Planning Officer',
  'custom:division': 'ppd',
};

beforeEach(() => {
  cognito.reset();
});

describe('Cognito follows the directory', () => {
  it('creates a new person with the invitation mail, their groups and custom:division', async () => {
    // Prepare
    cognito
      .on(AdminGetUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    // Act
    const outcome = await syncPerson(depsWith(chief), 'ppd.officer');
    // Assess
    expect(outcome).toBe('created');
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ppd.officer',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'ppd.officer@necs.example' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Planning Officer' },
        { Name: 'custom:division', Value: 'ppd' },
      ],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: 'ppd.officer', GroupName: 'division_chief' },
    ]);
  });

  it('moves the groups and division of an appointed person, and nothing else', async () => {
    // Prepare: Cognito still has them as a Legal officer
    existing(['division_officer', 'some-other-group'], { ...inSync, 'custom:division': 'legal' });
    // Act
    const outcome = await syncPerson(depsWith(chief), 'ppd.officer');
    // Assess
    expect(outcome).toBe('updated');
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand).map((c) => c.args[0].input.UserAttributes)).toEqual([
      [{ Name: 'custom:division', Value: 'ppd' }],
    ]);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual([
      'division_chief',
    ]);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual([
      'division_officer',
    ]);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
  });

  it('changes nothing when Cognito already matches (safe to run twice)', async () => {
    existing(['division_chief'], inSync);
    expect(await syncPerson(depsWith(chief), 'ppd.officer')).toBe('unchanged');
    const reads = ['AdminGetUserCommand', 'AdminListGroupsForUserCommand'];
    expect(
      cognito
        .calls()
        .map((c) => (c.args[0] as object).constructor.name)
        .filter((name) => !reads.includes(name)),
    ).toEqual([]);
  });

  it('disables a deactivated person and signs them out everywhere', async () => {
    existing(['division_chief'], inSync);
    const outcome = await syncPerson(
      depsWith({ ...chief, active: false, deactivatedAt: '2026-11-23T04:00:00Z' }),
      'ppd.officer',
    );
    expect(outcome).toBe('disabled');
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ppd.officer',
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'ppd.officer',
    });
  });

  it('enables again someone Cognito has disabled while the directory has them active', async () => {
    existing(['division_chief'], inSync, false);
    expect(await syncPerson(depsWith(chief), 'ppd.officer')).toBe('updated');
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(1);
  });

  it('runs from the events stream: a PersonAdded record creates the user, other streams are ignored', async () => {
    // Prepare
    cognito
      .on(AdminGetUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    const handler = createDirectorySyncHandler(depsWith(chief));
    const record = (item: Record<string, unknown>, id: string) => ({
      eventID: id,
      eventName: 'INSERT' as const,
      eventSource: 'aws:dynamodb',
      dynamodb: { NewImage: marshall(item) as never, SequenceNumber: id },
    });
    const added = {
      streamId: 'directory#necs',
      version: 14,
      type: 'PersonAdded',
      schemaVersion: 1,
      occurredAt: '2026-11-23T04:00:00Z',
      actor: { kind: 'user', userId: 'ict.head', role: 'admin' },
      data: {
        personId: 'ppd.officer',
        name: 'Planning Officer',
        email: 'ppd.officer@necs.example',
        roles: ['division_chief'],
        division: 'ppd',
        effectiveFrom: '2026-11-23T04:00:00Z',
      },
    };
    const request = {
      streamId: 'request#NECS-2026-00001',
      version: 1,
      type: 'NoteAdded',
      schemaVersion: 1,
      occurredAt: '2026-11-23T04:00:00Z',
      actor: { kind: 'system', component: 'x' },
      data: { text: 'n' },
    };
    const event: DynamoDBStreamEvent = { Records: [record(added, '1'), record(request, '2')] };
    // Act
    const result = await handler(event, lambdaContext('directory-sync'));
    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(1);
  });
});
