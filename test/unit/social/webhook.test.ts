import { describe, expect, it } from '@jest/globals';
import { messagesOf, MetaWebhookPayload, subjectOf } from '../../../domain/social/messages.js';
import { isGenuineMetaSignature, isOurVerifyToken, metaSignature } from '../../../domain/social/messages-signature.js';
import { badlySignedFixture, metaFixture } from '../../support/meta-fixtures.js';

const SECRET = 'local-app-secret';
const parsed = (name: Parameters<typeof metaFixture>[0]) =>
  messagesOf(MetaWebhookPayload.parse(JSON.parse(metaFixture(name))));

describe("Meta's webhook deliveries, as recorded from the documented shapes", () => {
  it('reads a text message: who sent it, to which page, its id and its words', () => {
    // Act
    const { messages, ignored } = parsed('text');
    // Assess
    expect(ignored).toBe(0);
    expect(messages).toEqual([
      {
        platform: 'facebook',
        account: '104567890123456',
        senderId: '6781234567890123',
        messageId: 'm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-text',
        sentAt: '2026-11-23T05:00:00.000Z',
        text: 'Kuzuzangpo! Could you share the air quality readings for Thimphu for October 2026?',
        attachments: [],
        kind: 'message',
      },
    ]);
  });

  it('reads a message of attachments only: each file by its kind and link, and a subject that says so', () => {
    // Act
    const [message] = parsed('attachments').messages;
    // Assess
    expect(message?.attachments).toEqual([
      { type: 'image', url: 'https://scontent.example/v/t1.15752-9/photo.jpg?oh=1&oe=2' },
      { type: 'file', url: 'https://cdn.example/readings-request.pdf' },
    ]);
    expect(subjectOf(message!)).toBe('Facebook message with 2 attachments');
  });

  it('reads a pressed button (a postback) as a message whose words are the button title', () => {
    // Act
    const [message] = parsed('postback').messages;
    // Assess
    expect(message).toMatchObject({
      kind: 'postback',
      senderId: '6789999999999999',
      messageId: 'm_PostbackAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      text: 'Ask for information',
    });
  });

  it("ignores an echo of the page's own message, and delivery and read receipts", () => {
    // Act
    const { messages, ignored } = parsed('echo');
    // Assess
    expect(messages).toEqual([]);
    expect(ignored).toBe(3);
  });

  it('ignores deliveries that are not about a page (another object)', () => {
    // Arrange
    const payload = MetaWebhookPayload.parse({ ...JSON.parse(metaFixture('text')), object: 'instagram' });
    // Act / Assess
    expect(messagesOf(payload).messages).toEqual([]);
  });
});

describe('X-Hub-Signature-256', () => {
  it('is genuine when it is the HMAC-SHA256 of exactly these bytes under the app secret', () => {
    // Arrange
    const body = metaFixture('text');
    // Act / Assess
    expect(isGenuineMetaSignature(body, metaSignature(body, SECRET), SECRET)).toBe(true);
    expect(
      isGenuineMetaSignature(body, metaSignature(body, SECRET).toUpperCase().replace('SHA256', 'sha256'), SECRET),
    ).toBe(true);
  });

  it('is not genuine for the recorded bad signature, another secret, a changed byte, or no header', () => {
    // Arrange
    const { body, signature } = badlySignedFixture();
    // Act / Assess
    expect(isGenuineMetaSignature(body, signature, SECRET)).toBe(false);
    expect(isGenuineMetaSignature(body, metaSignature(body, 'another-secret'), SECRET)).toBe(false);
    expect(isGenuineMetaSignature(`${body} `, metaSignature(body, SECRET), SECRET)).toBe(false);
    expect(isGenuineMetaSignature(body, undefined, SECRET)).toBe(false);
    expect(isGenuineMetaSignature(body, 'sha1=abc', SECRET)).toBe(false);
    expect(isGenuineMetaSignature(body, metaSignature(body, ''), '')).toBe(false);
  });

  it('the verify token is ours only when it is exactly ours', () => {
    // Act / Assess
    expect(isOurVerifyToken('local-verify-token', 'local-verify-token')).toBe(true);
    expect(isOurVerifyToken('local-verify-tokenx', 'local-verify-token')).toBe(false);
    expect(isOurVerifyToken(undefined, 'local-verify-token')).toBe(false);
  });
});
