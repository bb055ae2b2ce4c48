/** One person the local sign-in page offers (locally only; on AWS people sign in through Cognito). */
export interface LocalPerson {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly division?: string | null;
}

/** Runtime configuration, served beside the console as `config.json`, so one build runs anywhere. */
export interface ConsoleConfig {
  /** Where the API is, relative to the console's origin: '' locally, '/api' behind CloudFront. */
  readonly apiBase: string;
  readonly agencyName: string;
  /** The agency's time zone (IANA), in which dates are shown. */
  readonly timeZone: string;
  readonly divisions: readonly { readonly id: string; readonly name: string }[];
  readonly auth:
    | { readonly kind: 'local'; readonly people: readonly LocalPerson[] }
    | { readonly kind: 'cognito'; readonly authority: string; readonly clientId: string };
}

let loaded: ConsoleConfig | undefined;

export const loadConfig = async (): Promise<ConsoleConfig> => {
  if (loaded) return loaded;
  const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  loaded = (await res.json()) as ConsoleConfig;
  return loaded;
};

export const config = (): ConsoleConfig => {
  if (!loaded) throw new Error('config not loaded');
  return loaded;
};
