import { z } from 'zod';

/** What every handler reads from its environment, parsed once at cold start with a clear error. */
export const HandlerEnvironment = z.object({
  EVENTS_TABLE: z.string().min(1),
  READ_MODEL_TABLE: z.string().min(1),
  DYNAMODB_ENDPOINT: z.url().optional(),
});
export type HandlerEnvironment = z.infer<typeof HandlerEnvironment>;

export const readEnvironment = (env: NodeJS.ProcessEnv = process.env): HandlerEnvironment => {
  const parsed = HandlerEnvironment.safeParse(env);
  if (!parsed.success) throw new Error(`handler environment is incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
};
