import { describe, expect, it } from '@jest/globals';
import { foldWebsite, type WebsiteUpdate } from '../../../domain/website/state.js';
import { websiteView } from '../../../domain/views/website-view.js';
import type { WebsiteEvent } from '../../../events/website-events.js';
import {
  UPDATE,
  ictConfirmsComplete,
  ictPublishes,
  ictReturnsIt,
  legalReportsItsWorkshop,
  playWebsite,
  websiteCommand,
} from '../../support/website-spec.js';

// A website update as staff see it in the website queue (`GET /website-updates`) and on its page: where
// it stands, whose clock runs and when it is due, what was sent, and where it was published.
const viewOf = (events: readonly WebsiteEvent[]) => websiteView(foldWebsite(events) as WebsiteUpdate);

const photographs = {
  filename: 'workshop-photographs.zip',
  contentType: 'application/zip',
  sizeBytes: 2_048_000,
  sha256: 'd'.repeat(64),
  storageKey: `website/${UPDATE}/workshop-photographs.zip`,
  publishable: false,
};
const workshopWithPhotographs = () => {
  const submit = legalReportsItsWorkshop();
  return { ...submit, data: { ...submit.data, attachments: [photographs] } };
};

describe('an update just sent to ICT services', () => {
  it('shows who sent what, when the event was, and that no clock runs while ICT checks it', () => {
    expect(viewOf(playWebsite([workshopWithPhotographs()]))).toStrictEqual({
      id: UPDATE,
      status: 'submitted',
      division: 'legal',
      kind: 'event',
      title: 'Workshop on the Environmental Assessment Act',
      eventDate: '2026-11-20',
      submittedAt: '2026-11-23T10:00:00+06:00',
      submittedBy: 'legal.officer',
      submissionDueAt: '2026-11-24T17:00:00+06:00',
      lastSubmittedAt: '2026-11-23T10:00:00+06:00',
      informationCompleteAt: null,
      completedAt: null,
      publicationDueAt: null,
      pausedAt: null,
      clock: null,
      returns: [],
      publishedAt: null,
      url: null,
      topic: null,
      requestIds: [],
      attachments: [
        {
          filename: 'workshop-photographs.zip',
          contentType: 'application/zip',
          sizeBytes: 2_048_000,
          sha256: 'd'.repeat(64),
          publishable: false,
        },
      ],
      slaBreachedFor: [],
      lastEventAt: '2026-11-23T10:00:00+06:00',
    });
  });

  it('about no particular event shows no event date', () => {
    expect(viewOf(playWebsite([legalReportsItsWorkshop(undefined, null)])).eventDate).toBeNull();
  });
});

describe('an update ICT confirmed complete', () => {
  it('shows ICT’s publication clock running, due the next working day', () => {
    expect(viewOf(playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete()]))).toMatchObject({
      status: 'complete',
      informationCompleteAt: '2026-11-23T10:00:00+06:00',
      completedAt: '2026-11-23T14:00:00+06:00',
      publicationDueAt: '2026-11-24T17:00:00+06:00',
      pausedAt: null,
      clock: { kind: 'publication', dueAt: '2026-11-24T17:00:00+06:00', division: 'ict' },
    });
  });

  it('returned after all shows ICT’s clock stopped and the division’s running again, with the reason', () => {
    const returned = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictReturnsIt()]);
    expect(viewOf(returned)).toMatchObject({
      status: 'returned',
      pausedAt: '2026-11-23T15:00:00+06:00',
      clock: { kind: 'submission', dueAt: '2026-11-24T17:00:00+06:00', division: 'legal' },
      returns: [{ at: '2026-11-23T15:00:00+06:00', reason: 'Photographs missing' }],
    });
  });

  it('once published shows when and where, and no clock runs', () => {
    const published = playWebsite([legalReportsItsWorkshop(), ictConfirmsComplete(), ictPublishes()]);
    expect(viewOf(published)).toMatchObject({
      status: 'published',
      publishedAt: '2026-11-24T11:00:00+06:00',
      url: 'https://www.necs.example/news/eaa-workshop',
      clock: null,
    });
  });
});

describe('an update proposed from common requests', () => {
  it('shows the topic and the requests it came from, and who proposed it', () => {
    const proposed = playWebsite([
      websiteCommand(
        'ProposeFromCommonRequests',
        {
          updateId: UPDATE,
          topic: 'air quality',
          title: 'Air quality data',
          body: { inline: 'Asked 3 times.' },
          requestIds: ['NECS-2026-00001', 'NECS-2026-00007'],
          attachments: [],
        },
        'ppd.officer',
        '2026-11-23T10:00:00+06:00',
      ),
    ]);
    expect(viewOf(proposed)).toMatchObject({
      division: 'ict',
      kind: 'information',
      submittedBy: 'ppd.officer',
      topic: 'air quality',
      requestIds: ['NECS-2026-00001', 'NECS-2026-00007'],
    });
  });
});
