import { describe, expect, it } from '@jest/globals';
import { acknowledgment } from '../../../domain/mail/templates.js';
import { CHAT_TEXT_LIMIT, chatParts, chatTextOf, MAX_CHAT_PARTS } from '../../../domain/social/messages-chat.js';

const ctx = {
  agencyName: 'National Environment Commission Secretariat',
  reference: 'NECS-2026-00001',
  requesterName: 'Facebook user ending 0123',
  subject: 'Air quality readings',
  timeZone: 'Asia/Thimphu',
};

describe('mail templates shortened for a chat', () => {
  it('keeps the acknowledgment’s words and due date, without the mail signature block', () => {
    // Act
    const text = chatTextOf(acknowledgment(ctx, '2026-11-30T17:00:00+06:00', 5));
    // Assess
    expect(text).toContain('Dear Facebook user ending 0123,');
    expect(text).toContain('NECS-2026-00001');
    expect(text).toContain('Monday, 30 November 2026');
    expect(text).not.toContain('keep the reference in the subject');
    expect(text).not.toContain('\n--\n');
  });

  it('sends a short text as one message', () => {
    expect(chatParts('Dear Karma,\n\nHere are the readings.')).toEqual(['Dear Karma,\n\nHere are the readings.']);
  });

  it('splits a long text between paragraphs into numbered parts, each within Messenger’s limit', () => {
    // Arrange
    const paragraph = `${'The readings for one station and one month. '.repeat(20).trim()}`;
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    // Act
    const parts = chatParts(text);
    // Assess
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(MAX_CHAT_PARTS);
    for (const [i, p] of parts.entries()) {
      expect(p.length).toBeLessThanOrEqual(CHAT_TEXT_LIMIT);
      expect(p.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
    }
    expect(parts.join(' ').replace(/\(\d\/\d\) /g, '')).toContain(paragraph);
  });

  it('ends a text too long for a chat with where to read it in full', () => {
    // Arrange
    const text = 'word '.repeat(5_000);
    // Act
    const parts = chatParts(text, 'http://127.0.0.1:3000/portal/track/NECS-2026-00001?token=abc');
    // Assess
    expect(parts).toHaveLength(MAX_CHAT_PARTS);
    expect(parts.at(-1)).toContain('http://127.0.0.1:3000/portal/track/NECS-2026-00001?token=abc');
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(CHAT_TEXT_LIMIT);
  });
});
