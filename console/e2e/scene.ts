import { expect } from '@playwright/test';
import { callApi } from './support.js';

/** A request registered and assigned through the API, to set the scene for a flow under test. */
export const assignedRequest = async (subject: string, division = 'legal', assignee = 'legal.officer') => {
  const created = await callApi<{ id: string }>('ict.officer', 'POST', '/requests', {
    channel: 'letter',
    requester: { name: 'Karma Wangdi', email: 'karma@example.org', kind: 'public' },
    subject,
    body: 'Please send me the documents.',
  });
  expect(created.status).toBe(201);
  const assigned = await callApi('ict.officer', 'POST', `/requests/${created.body.id}/assign`, { division, assignee });
  expect(assigned.status).toBe(200);
  return created.body.id;
};
