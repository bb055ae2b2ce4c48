import { describe, it } from '@jest/globals';
import type { RequestCommand } from '../../../domain/request/commands.js';
import { system } from '../../support/agency.js';
import {
  FRIDAY_MORNING,
  assignedRequest,
  assignedToLegal,
  clarificationAsked,
  command,
  fullResponse,
  given,
  play,
  readyToAnswer,
  receivedByEmail,
  requesterAnswered,
  spokespersonAsked,
  spokespersonCleared,
} from '../../support/request-spec.js';

// A refusal reaches the person as the API's error: its code, a message that says what could not be done
// and why, and details naming what was wrong. These specs pin what the message and details say.

const LATER = '2026-11-23T11:00:00+06:00';

/** Legal closed the request as a duplicate on Monday morning. */
const closedRequest = () =>
  play([
    receivedByEmail(),
    assignedToLegal(),
    command('CloseRequest', { reason: 'duplicate' }, 'legal.chief', '2026-11-23T10:00:00+06:00'),
  ]);

describe('a command in the wrong status', () => {
  // Each by someone allowed to do it, so that only the status refuses it.
  const onClosed: [action: string, command: RequestCommand][] = [
    ['assign', command('AssignRequest', { division: 'ppd' }, 'ict.officer', LATER)],
    ['record a consultation', spokespersonCleared(LATER)],
    ['ask for a view', spokespersonAsked(LATER)],
    ['ask for clarification', clarificationAsked(LATER)],
    ['add a message from the requester', requesterAnswered(LATER)],
    [
      'extend the deadline',
      command('ExtendDeadline', { workingDays: 1, reason: 'regional data' }, 'legal.chief', LATER),
    ],
    ['respond', fullResponse(LATER)],
    ['archive', command('ArchiveRequest', { topics: ['air'], publishable: false }, 'ict.officer', LATER)],
    ['close', command('CloseRequest', { reason: 'spam' }, 'ict.officer', LATER)],
    [
      'answer with a published page',
      command('AnswerWithPublishedPage', { url: 'https://www.necs.example/air' }, 'legal.officer', LATER),
    ],
  ];

  it.each(onClosed)('says it cannot %s, on which request, and that it is closed', (action, closedCommand) => {
    given(closedRequest())
      .when(closedCommand)
      .thenRefused('INVALID_TRANSITION', new RegExp(`^cannot ${action}: request NECS-2026-00001 is closed$`));
  });

  it('tells the status the request is in and the statuses the command is accepted in', () => {
    given(readyToAnswer())
      .when(command('ArchiveRequest', { topics: ['air'], publishable: false }, 'ict.officer', LATER))
      .thenRefused('INVALID_TRANSITION', /^cannot archive: request NECS-2026-00001 is in consultation$/, {
        status: 'in_consultation',
        allowedStatuses: ['responded'],
      });
  });

  it('tells why no response goes while the requester is asked, and the status', () => {
    given(play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), clarificationAsked()]))
      .when(fullResponse('2026-11-25T10:00:00+06:00'))
      .thenRefused('INVALID_TRANSITION', /waiting for the requester's clarification/, {
        status: 'awaiting_clarification',
      });
  });
});

describe('a request that is not there, or is already', () => {
  it('names the reference that already exists', () => {
    given(play([receivedByEmail()]))
      .when(receivedByEmail())
      .thenRefused('REQUEST_ALREADY_EXISTS', /^request NECS-2026-00001 already exists$/);
  });

  it('says there is no such request', () => {
    given([])
      .when(assignedToLegal())
      .thenRefused('REQUEST_NOT_FOUND', /^no such request$/);
  });
});

describe('assigning to a division or person the agency does not have', () => {
  it('names the unknown division', () => {
    given(play([receivedByEmail()]))
      .when(command('AssignRequest', { division: 'finance' }, 'ict.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_DIVISION', /^there is no division finance$/, { division: 'finance' });
  });

  it('names the assignee who is no officer or chief of that division', () => {
    given(play([receivedByEmail()]))
      .when(command('AssignRequest', { division: 'legal', assignee: 'ppd.officer' }, 'ict.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_PERSON', /^ppd\.officer is not an officer or chief of legal$/, { assignee: 'ppd.officer' });
  });

  it('refuses an assignee the agency does not know', () => {
    given(play([receivedByEmail()]))
      .when(command('AssignRequest', { division: 'legal', assignee: 'nobody' }, 'ict.officer', FRIDAY_MORNING))
      .thenRefused('UNKNOWN_PERSON', /^nobody is not an officer or chief of legal$/, { assignee: 'nobody' });
  });

  it('refuses the division’s spokesperson as assignee: a request is worked by its officers and chief', () => {
    given(play([receivedByEmail()]))
      .when(
        command('AssignRequest', { division: 'legal', assignee: 'spokesperson.legal' }, 'ict.officer', FRIDAY_MORNING),
      )
      .thenRefused('UNKNOWN_PERSON', /spokesperson\.legal is not an officer or chief of legal/);
  });
});

describe('consulting someone who cannot be consulted', () => {
  it('names a person the agency does not know, when recording their view', () => {
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'division', person: 'nobody', outcome: 'advice' },
          'legal.officer',
          LATER,
        ),
      )
      .thenRefused('UNKNOWN_PERSON', /^nobody is not a member of the agency$/, { person: 'nobody' });
  });

  it('names the "spokesperson" who is not one, and the colleague of another division', () => {
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'spokesperson', person: 'legal.chief', outcome: 'cleared' },
          'legal.officer',
          LATER,
        ),
      )
      .thenRefused('UNKNOWN_PERSON', /^legal\.chief is not a media spokesperson$/, { person: 'legal.chief' });
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'division', person: 'ppd.chief', outcome: 'cleared' },
          'legal.officer',
          LATER,
        ),
      )
      .thenRefused('UNKNOWN_PERSON', /^ppd\.chief is not in legal, the division holding this request$/, {
        person: 'ppd.chief',
      });
  });

  it('names whom the officer tried to ask', () => {
    given(assignedRequest())
      .when(command('RequestConsultation', { person: 'nobody', question: 'ok?' }, 'legal.officer', LATER))
      .thenRefused('UNKNOWN_PERSON', /^nobody is not an active member of the agency$/, { person: 'nobody' });
    given(assignedRequest())
      .when(command('RequestConsultation', { person: 'ppd.chief', question: 'ok?' }, 'legal.officer', LATER))
      .thenRefused('UNKNOWN_PERSON', /ppd\.chief is neither a media spokesperson nor in legal/, {
        person: 'ppd.chief',
      });
  });

  it('names the spokesperson whose own word is needed, and who may record a division’s view', () => {
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
          'legal.officer',
          LATER,
        ),
      )
      .thenRefused('FORBIDDEN', /only spokesperson\.legal/, { person: 'spokesperson.legal' });
    given(assignedRequest())
      .when(
        command(
          'RecordConsultation',
          { with: 'division', person: 'legal.chief', outcome: 'advice' },
          'spokesperson.legal',
          LATER,
        ),
      )
      .thenRefused('FORBIDDEN', /not by spokesperson\.legal/, { allowedRoles: ['division_officer', 'division_chief'] });
  });
});

describe('responding without the spokesperson', () => {
  it('says the agency plan requires a spokesperson’s view first', () => {
    given(assignedRequest())
      .when(fullResponse())
      .thenRefused(
        'SPOKESPERSON_NOT_CONSULTED',
        /^the agency plan requires consulting a media spokesperson before any response is sent$/,
      );
  });
});

describe('closing and archiving', () => {
  it('sends a close "published" to the command that records the page', () => {
    given(assignedRequest())
      .when(command('CloseRequest', { reason: 'published' }, 'legal.chief', LATER))
      .thenRefused('INVALID_INPUT', /AnswerWithPublishedPage, with its url/);
  });

  it('shows the start of a topic that is too long, not all of it', () => {
    const longTopic = 'air quality readings '.repeat(5).trim(); // 104 characters
    given(play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), fullResponse()]))
      .when(
        command(
          'ArchiveRequest',
          { topics: [longTopic], publishable: true },
          'ict.officer',
          '2026-11-25T10:00:00+06:00',
        ),
      )
      .thenRefused('INVALID_INPUT', /a topic is at most 100 characters once lower-cased/, {
        topic: 'air quality readings air quality reading',
      });
  });
});

describe('the system on a person’s behalf', () => {
  it('is refused a person’s work, saying a person must do it', () => {
    given(assignedRequest())
      .when(command('SendResponse', fullResponse().data, system('api'), LATER))
      .thenRefused('FORBIDDEN', /^SendResponse must be done by a person, not by the system$/);
  });
});
