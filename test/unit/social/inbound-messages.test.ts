import { describe, expect, it } from '@jest/globals';
import {
  bodyOf,
  messagesOf,
  MetaWebhookPayload,
  senderName,
  subjectOf,
  type InboundSocialMessage,
} from '../../../domain/social/messages.js';

const PAGE = '104567890123456';
const PERSON = '6781234567890123';
const AT = 1795410000000; // 2026-11-23T05:00:00Z

/** One delivery to our page carrying these `messaging` items, as Meta sends it. */
const delivery = (...messaging: object[]) =>
  MetaWebhookPayload.parse({ object: 'page', entry: [{ id: PAGE, time: AT, messaging }] });
const from = (sender: string, recipient: string, rest: object) => ({
  sender: { id: sender },
  recipient: { id: recipient },
  timestamp: AT,
  ...rest,
});

describe('which items of a delivery are a person’s messages', () => {
  it('a message sent by the page itself, even without the echo flag, is not a request', () => {
    // Act
    const { messages, ignored } = messagesOf(
      delivery(
        from(PAGE, PERSON, { message: { mid: 'm_from_page', text: 'Thank you for writing' } }),
        from(PAGE, PERSON, { postback: { mid: 'm_page_button', title: 'Start' } }),
      ),
    );
    // Assess
    expect(messages).toEqual([]);
    expect(ignored).toBe(2);
  });

  it('a message whose sender is its own recipient (the page writing to itself) is not a request', () => {
    // Arrange
    const otherPage = '109999999999999';
    // Act
    const { messages, ignored } = messagesOf(
      delivery(from(otherPage, otherPage, { message: { mid: 'm_self', text: 'Test' } })),
    );
    // Assess
    expect(messages).toEqual([]);
    expect(ignored).toBe(1);
  });

  it('an entry without messaging (another kind of page change) adds no message and nothing ignored', () => {
    // Act
    const parsed = messagesOf(MetaWebhookPayload.parse({ object: 'page', entry: [{ id: PAGE, time: AT }] }));
    // Assess
    expect(parsed).toStrictEqual({ messages: [], ignored: 0 });
  });

  it('keeps an attachment Meta sends without a payload by its kind, with no link', () => {
    // Act
    const { messages } = messagesOf(
      delivery(
        from(PERSON, PAGE, {
          message: {
            mid: 'm_sticker',
            attachments: [{ type: 'fallback', payload: null }, { type: 'location' }],
          },
        }),
      ),
    );
    // Assess
    expect(messages).toHaveLength(1);
    expect(messages[0]!.attachments).toStrictEqual([{ type: 'fallback' }, { type: 'location' }]);
    expect(messages[0]!.text).toBe('');
  });

  it('a pressed button without its own message id is named by its sender and time, with no files', () => {
    // Act
    const { messages } = messagesOf(
      delivery(from(PERSON, PAGE, { postback: { title: 'Ask for information', payload: 'ASK' } })),
    );
    // Assess
    expect(messages).toStrictEqual([
      {
        platform: 'facebook',
        account: PAGE,
        senderId: PERSON,
        sentAt: '2026-11-23T05:00:00.000Z',
        messageId: `postback:${PERSON}:${AT}`,
        text: 'Ask for information',
        attachments: [],
        kind: 'postback',
      },
    ]);
  });

  it('a pressed button reads as its payload when it has no title, and as nothing when it has neither', () => {
    // Act
    const { messages } = messagesOf(
      delivery(
        from(PERSON, PAGE, { postback: { mid: 'm_1', payload: 'ASK_FOR_INFORMATION' } }),
        from(PERSON, PAGE, { postback: { mid: 'm_2' } }),
      ),
    );
    // Assess
    expect(messages.map((m) => m.text)).toStrictEqual(['ASK_FOR_INFORMATION', '']);
  });
});

describe('who wrote', () => {
  it('is named by the platform and the last four digits of their id until someone knows better', () => {
    expect(senderName('facebook', '6781234567894321')).toBe('Facebook user ending 4321');
  });
});

const message = (text: string, attachments: InboundSocialMessage['attachments'] = []) => ({
  platform: 'facebook' as const,
  text,
  attachments,
});

describe("a request's subject from a chat message", () => {
  it('is the first line with words, whatever the line breaks', () => {
    expect(subjectOf(message('\n   \nAir quality readings\nfor Thimphu, please'))).toBe('Air quality readings');
    expect(subjectOf(message('\r\n  Air quality readings  \r\nfor Thimphu'))).toBe('Air quality readings');
  });

  it('says what kind of message it was when it has no words', () => {
    expect(subjectOf(message(' \n ', [{ type: 'image', url: 'https://cdn.example/1.jpg' }]))).toBe(
      'Facebook message with 1 attachment',
    );
    expect(subjectOf(message('', [{ type: 'image' }, { type: 'file' }]))).toBe('Facebook message with 2 attachments');
    expect(subjectOf(message('  '))).toBe('Facebook message');
  });

  it('a first line of 120 characters is kept whole', () => {
    // Arrange
    const line = `${'Readings '.repeat(13)}abc`;
    // Act / Assess
    expect(line).toHaveLength(120);
    expect(subjectOf(message(line))).toBe(line);
  });

  it('a longer one is shortened at the last word that fits, with an ellipsis', () => {
    // Arrange
    const line = `${'Readings '.repeat(13)}abcdefgh and more`;
    // Act / Assess
    expect(subjectOf(message(line))).toBe(`${'Readings '.repeat(12)}Readings…`);
  });

  it('does not leave a space before the ellipsis when words are separated by several', () => {
    // Arrange
    const line = `${'Readings '.repeat(12)}Readings   ${'x'.repeat(20)}`;
    // Act / Assess
    expect(subjectOf(message(line))).toBe(`${'Readings '.repeat(12)}Readings…`);
  });

  it('cuts a long word at 120 characters when no word ends past the middle', () => {
    // Arrange: the last space is at position 60, exactly half.
    const line = `${'a'.repeat(60)} ${'b'.repeat(100)}`;
    // Act / Assess
    expect(subjectOf(message(line))).toBe(`${'a'.repeat(60)} ${'b'.repeat(59)}…`);
    expect(subjectOf(message('c'.repeat(200)))).toBe(`${'c'.repeat(120)}…`);
  });

  it('cuts at a word when it ends just past the middle', () => {
    // Arrange: the last space is at position 61.
    const line = `${'a'.repeat(61)} ${'b'.repeat(100)}`;
    // Act / Assess
    expect(subjectOf(message(line))).toBe(`${'a'.repeat(61)}…`);
  });
});

describe('the message as the request keeps it', () => {
  it('is the text, then one line per file with its kind and, while there is one, its link', () => {
    expect(
      bodyOf({
        kind: 'message',
        text: 'Here is my form',
        attachments: [{ type: 'file', url: 'https://cdn.example/form.pdf' }, { type: 'image' }],
      }),
    ).toBe('Here is my form\n[file attachment: https://cdn.example/form.pdf]\n[image attachment]');
  });

  it('a message of files only starts with the first file, not a blank line', () => {
    expect(
      bodyOf({ kind: 'message', text: '', attachments: [{ type: 'image', url: 'https://cdn.example/1.jpg' }] }),
    ).toBe('[image attachment: https://cdn.example/1.jpg]');
  });

  it('a pressed button reads as such', () => {
    expect(bodyOf({ kind: 'postback', text: 'Ask for information', attachments: [] })).toBe(
      '[pressed the button “Ask for information”]',
    );
  });
});
