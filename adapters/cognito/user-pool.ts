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
export const cognitoUserPool = (client: CognitoIdentityProviderClient, userPoolId: string): UserPool => {
  /** Every admin call names the pool and the user. */
  const user = (userId: string) => ({ UserPoolId: userPoolId, Username: userId });
  /** A user with the attributes the directory gives them (created, or brought up to date). */
  const userWith = (userId: string, attributes: Readonly<Record<string, string>>) => ({
    ...user(userId),
    UserAttributes: toAttributes(attributes),
  });
  return {
    get: async (userId): Promise<PoolUser | undefined> => {
      try {
        const found = await client.send(new AdminGetUserCommand(user(userId)));
        const groups: string[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(new AdminListGroupsForUserCommand({ ...user(userId), NextToken: token }));
          groups.push(...(page.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])));
          token = page.NextToken;
        } while (token);
        const attributes = Object.fromEntries(
          (found.UserAttributes ?? []).flatMap((a) => (a.Name ? [[a.Name, a.Value ?? '']] : [])),
        );
        return { enabled: found.Enabled ?? false, groups, attributes };
      } catch (err) {
        if (err instanceof UserNotFoundException) return undefined;
        throw err;
      }
    },
    create: async (userId, attributes) => {
      // Cognito mails the invitation with a temporary password (DesiredDeliveryMediums EMAIL).
      await client.send(
        new AdminCreateUserCommand({ ...userWith(userId, attributes), DesiredDeliveryMediums: ['EMAIL'] }),
      );
    },
    updateAttributes: async (userId, attributes) => {
      await client.send(new AdminUpdateUserAttributesCommand(userWith(userId, attributes)));
    },
    addToGroup: async (userId, group) => {
      await client.send(new AdminAddUserToGroupCommand({ ...user(userId), GroupName: group }));
    },
    removeFromGroup: async (userId, group) => {
      await client.send(new AdminRemoveUserFromGroupCommand({ ...user(userId), GroupName: group }));
    },
    enable: async (userId) => {
      await client.send(new AdminEnableUserCommand(user(userId)));
    },
    disable: async (userId) => {
      await client.send(new AdminDisableUserCommand(user(userId)));
      // Tokens already issued would otherwise stay valid until they expire.
      await client.send(new AdminUserGlobalSignOutCommand(user(userId)));
    },
  };
};
