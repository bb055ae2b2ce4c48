import { describe, expect, it } from '@jest/globals';
import { directoryStreamId } from '../../../domain/directory/stream-id.js';
import { isStaffMailPurpose } from '../../../domain/mail/staff-mail.js';
import { MailPurpose } from '../../../events/request-events.js';

describe('mail a request sends to its staff, not to its requester', () => {
  it('is the consultation request (a spokesperson or division asked for their view), and only it', () => {
    const toStaff = MailPurpose.options.filter((purpose) => isStaffMailPurpose(purpose));
    expect(toStaff).toEqual(['consultation_request']);
  });
});

describe('the directory of an agency', () => {
  it('is kept in one stream per agency', () => {
    expect(directoryStreamId('necs')).toBe('directory#necs');
  });
});
