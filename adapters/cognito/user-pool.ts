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
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PoolUser, UserPool } from '../../application/directory-sync.js';

const toAttributes = (attributes: Readonly<Record<string, string>>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

/** The directory sync's view of a Cognito user pool (admin API; user name = the person's id). */
export const cognitoUserPool = (client: CognitoIdentityProviderClient, userPoolId: string): UserPool => ({
  get: async (userId): Promise<PoolUser | undefined> => {
    try {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userId }));
      const groups: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: userId, NextToken: token }),
        );
        groups.push(...(page.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])));
        token = page.NextToken;
      } while (token);
      const attributes = Object.fromEntries(
        (user.UserAttributes ?? []).flatMap((a) => (a.Name ? [[a.Name, a.Value ?? '']] : [])),
      );
      return { enabled: user.Enabled ?? false, groups, attributes };
    } catch (err) {
      if (err instanceof UserNotFoundException) return undefined;
      throw err;
    }
  },
  create: async (userId, attributes) => {
    // Cognito mails the invitation with a temporary password (DesiredDeliveryMediums EMAIL).
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: userId,
        UserAttributes: toAttributes(attributes),
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
  },
  updateAttributes: async (userId, attributes) => {
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: userPoolId,
        Username: userId,
        UserAttributes: toAttributes(attributes),
      }),
    );
  },
  addToGroup: async (userId, group) => {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: userId, GroupName: group }));
  },
  removeFromGroup: async (userId, group) => {
    await client.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: userId, GroupName: group }),
    );
  },
  enable: async (userId) => {
    await client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: userId }));
  },
  disable: async (userId) => {
    await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: userId }));
    // Tokens already issued would otherwise stay valid until they expire.
    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: userId }));
  },
});
