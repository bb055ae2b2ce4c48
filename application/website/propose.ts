import type { Actor } from '../../domain/agency/actor.js';
import { exists } from '../../domain/request/state.js';
import type { WebsiteView } from '../../domain/views/website-view.js';
import type { WebsiteAttachment } from '../../events/website-events.js';
import type { ReadModels } from '../read-models.js';
import type { RequestCommands } from '../request/commands.js';
import type { WebsiteCommands, WebsiteOutcome } from './website-commands.js';

export interface ProposeDeps {
  readonly readModels: ReadModels;
  readonly commands: RequestCommands;
  readonly websiteCommands: WebsiteCommands;
}

/** Why a topic cannot be proposed: nothing archived on it, or already with ICT or on the website. */
export class ProposalRefusedError extends Error {
  override readonly name = 'ProposalRefusedError';
  constructor(
    readonly code: 'TOPIC_NOT_FOUND' | 'ALREADY_PROPOSED',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Clause 7: turns a commonly requested topic into a website update for ICT services. It carries the
 * references of the archived requests on the topic and the files their responses shared — only from
 * requests archived as publishable, each marked publishable — so ICT can put them on the website.
 */
export const proposeFromCommonRequests = async (
  deps: ProposeDeps,
  topicInput: string,
  actor: Actor,
  now: string,
  idempotencyKey?: string,
): Promise<WebsiteOutcome> => {
  const topic = topicInput.trim().toLowerCase();
  const rows = (await deps.readModels.partition('topics')) as {
    topic: string;
    requestId: string;
    publishable: boolean;
  }[];
  const onTopic = rows.filter((r) => r.topic === topic);
  if (onTopic.length === 0)
    throw new ProposalRefusedError('TOPIC_NOT_FOUND', `no archived request has the topic "${topic}"`, { topic });
  const existing = (await deps.readModels.partition('website-updates'))
    .map((i) => i.view as WebsiteView)
    .find((v) => v.topic === topic && v.status !== 'withdrawn');
  if (existing)
    throw new ProposalRefusedError(
      'ALREADY_PROPOSED',
      `"${topic}" is already website update ${existing.id} (${existing.status})`,
      { updateId: existing.id, status: existing.status },
    );
  const requestIds = [...new Set(onTopic.map((r) => r.requestId))].sort().slice(-500);
  const attachments = new Map<string, WebsiteAttachment>();
  for (const requestId of requestIds) {
    const { state } = await deps.commands.load(requestId);
    if (!exists(state) || !state.archived?.publishable) continue;
    for (const response of state.responses) {
      if (response.disposition === 'refused') continue;
      for (const a of response.attachments)
        if (!attachments.has(a.sha256)) attachments.set(a.sha256, { ...a, publishable: true });
    }
  }
  const body = [
    `Asked for ${requestIds.length} time(s) and answered: ${requestIds.join(', ')}.`,
    attachments.size > 0
      ? `Files shared in the responses, marked publishable: ${[...attachments.values()].map((a) => a.filename).join(', ')}.`
      : 'No files from the responses are marked publishable; see the responses.',
    'Publishing this lets requesters find it without asking (Information and Media Management Plan, clause 7).',
  ].join('\n');
  return deps.websiteCommands.create(
    {
      type: 'ProposeFromCommonRequests',
      data: {
        updateId: '',
        topic,
        title: `Commonly requested: ${topic}`,
        body: { inline: body },
        requestIds,
        attachments: [...attachments.values()],
      },
      metadata: { now, actor },
    },
    idempotencyKey,
  );
};
