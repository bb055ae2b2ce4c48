import { describe, expect, it } from '@jest/globals';
import { CHAT_TEXT_LIMIT, chatParts, chatTextOf } from '../../../domain/social/messages-chat.js';

/** A paragraph of whole words, exactly `length` characters long, no line break in it. */
const paragraph = (length: number, word = 'reading'): string => {
  const words = Array.from({ length }, (_, i) => `${word}${i}`).join(' ');
  return words.slice(0, length).replace(/ $/, 'x');
};
const withoutNumber = (part: string) => part.replace(/^\(\d\/\d\) /, '');
const mail = (text: string) => ({ subject: 'Your request NECS-2026-00001', text, html: '<p></p>' });

describe('a mail as a chat text', () => {
  it('keeps a text without a signature block whole', () => {
    expect(chatTextOf(mail('Dear Karma,\n\nHere are the readings.\n\nKind regards,\nNECS'))).toBe(
      'Dear Karma,\n\nHere are the readings.\n\nKind regards,\nNECS',
    );
  });

  it('asks the person to answer in the conversation rather than to reply to a mail', () => {
    expect(
      chatTextOf(
        mail(
          'Dear Karma,\n\nPlease reply to this message. If anything is missing, please reply to this message with it.\n\n--\nReference NECS-2026-00001',
        ),
      ),
    ).toBe(
      'Dear Karma,\n\nPlease answer in this conversation. If anything is missing, please answer in this conversation with it.',
    );
  });

  it('drops the blank lines around a mail without a signature block', () => {
    expect(chatTextOf(mail('\nDear Karma,\n\nHere are the readings.\n\n'))).toBe(
      'Dear Karma,\n\nHere are the readings.',
    );
  });

  it('a mail that is only its signature block says nothing in a chat', () => {
    expect(chatTextOf(mail('\n\n--\nReference NECS-2026-00001'))).toBe('');
  });
});

describe('a text sent as chat messages', () => {
  it('a text of exactly the limit goes as one message, one character more as two', () => {
    // Arrange
    const fits = paragraph(CHAT_TEXT_LIMIT);
    // Act / Assess
    expect(chatParts(fits)).toStrictEqual([fits]);
    expect(chatParts(`${fits}y`)).toHaveLength(2);
  });

  it('splits between paragraphs, and a last paragraph that fills its part is sent whole', () => {
    // Arrange: the room of a numbered part is the limit less "(5/5) ".
    const first = paragraph(1_200, 'station');
    const second = paragraph(CHAT_TEXT_LIMIT - '(5/5) '.length);
    // Act
    const parts = chatParts(`${first}\n\n${second}`);
    // Assess
    expect(parts).toStrictEqual([`(1/2) ${first}`, `(2/2) ${second}`]);
  });

  it('a part does not end with the spaces and blank lines between two paragraphs', () => {
    // Arrange
    const first = paragraph(1_200, 'station');
    const second = paragraph(1_500);
    // Act
    const parts = chatParts(`${first}  \n\n\n\n${second}`);
    // Assess
    expect(parts).toStrictEqual([`(1/2) ${first}`, `(2/2) ${second}`]);
  });

  it('splits between lines when there is no paragraph break to split at', () => {
    // Arrange
    const lines = Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')} ${'x'.repeat(96)}`);
    // Act
    const parts = chatParts(lines.join('\n'));
    // Assess
    expect(parts.map(withoutNumber).join('\n')).toBe(lines.join('\n'));
    expect(parts[0]).toBe(`(1/2) ${lines.slice(0, 19).join('\n')}`);
  });

  it('splits between words when there is no line break to split at', () => {
    // Arrange
    const text = paragraph(5_000);
    // Act
    const parts = chatParts(text);
    // Assess
    expect(parts).toHaveLength(3);
    expect(parts.map(withoutNumber).join(' ')).toBe(text);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(CHAT_TEXT_LIMIT);
  });

  it('a text of six parts goes as four and a fifth saying how to get it in full (no portal: by email)', () => {
    // Arrange
    const paragraphs = Array.from({ length: 6 }, (_, i) => paragraph(1_500, `p${i}w`));
    // Act
    const parts = chatParts(paragraphs.join('\n\n'));
    // Assess
    expect(parts).toStrictEqual([
      ...paragraphs.slice(0, 4).map((p, i) => `(${i + 1}/5) ${p}`),
      '(5/5) This answer is too long for a chat. Please send us an email address here, and we will send it to you in full.',
    ]);
  });

  it('with a portal, the fifth part gives the page where the whole answer is', () => {
    // Arrange
    const paragraphs = Array.from({ length: 6 }, (_, i) => paragraph(1_500, `p${i}w`));
    // Act
    const parts = chatParts(paragraphs.join('\n\n'), 'https://portal.example/track/NECS-2026-00001');
    // Assess
    expect(parts.at(-1)).toBe(
      '(5/5) This answer is too long for a chat. Read it in full, with any files, here:\nhttps://portal.example/track/NECS-2026-00001',
    );
  });
});
