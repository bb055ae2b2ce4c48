import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { parseMail } from '../../../application/intake/parse-mail.js';
import type { ObjectStore } from '../../../application/object-store.js';
import { executableContent, executableReason, namesToCheck } from '../../../domain/intake/executable-files.js';
import { mime } from '../../support/mime.js';

const pdf = Buffer.from('%PDF-1.4\n');

describe('disguised executables are quarantined', () => {
  it.each([
    ['a trailing dot', 'invoice.exe.'],
    ['trailing dots and spaces', 'invoice.exe . .'],
    ['an NTFS stream', 'report.exe::$DATA'],
    ['a named NTFS stream', 'report.exe:hidden:$DATA'],
    ['a right-to-left override', 'invoice\u202Egpj.exe'],
    ['a zero-width space in the extension', 'invoice.e\u200Bxe'],
    ['a one-dot-leader for the dot', 'invoice\u2024exe'],
    ['a fullwidth full stop', 'invoice\uFF0Eexe'],
    ['an ideographic full stop', 'invoice\u3002scr'],
    ['fullwidth letters', 'invoice.\uFF45\uFF58\uFF45'],
  ])('by name: %s (%p)', (_what, name) => {
    expect(executableReason(name, 'application/pdf', pdf)).toBe('executable file type');
  });

  it.each([
    ['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), /Windows program/],
    ['a Linux program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), /ELF/],
    ['a macOS program', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), /Mach-O/],
    ['a universal macOS program', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]), /Mach-O/],
    ['a shell script', Buffer.from('#!/bin/sh\nrm -rf ~\n'), /script/],
    ['a script after a byte-order mark', Buffer.from('\uFEFF#!/usr/bin/env python\n'), /script/],
  ])('by content: %s named like a document', (_what, bytes, reason) => {
    expect(executableReason('quarterly-report.pdf', 'application/pdf', bytes)).toMatch(reason);
  });

  it('leaves ordinary documents alone', () => {
    for (const name of ['report.pdf', 'data.2025.csv', 'notes: summary.docx', 'exe.pdf', 'Annual report. Final.pdf']) {
      expect(executableReason(name, 'application/pdf', pdf)).toBeUndefined();
    }
    expect(namesToCheck('invoice.exe. ')).toContain('invoice.exe');
  });

  it('in a received mail, with the name shown without its invisible characters', async () => {
    const stored: string[] = [];
    const objects = {
      put: async (key: string) => void stored.push(key),
      get: async () => undefined,
      getStream: async () => undefined,
    } as unknown as ObjectStore;
    const raw = await mime({
      from: 'k@example.bt',
      to: 'requests@necs.example',
      subject: 'Invoices',
      text: 'attached',
      attachments: [
        { filename: 'invoice.exe.', content: pdf, contentType: 'application/pdf' },
        { filename: 'report.exe::$DATA', content: pdf, contentType: 'application/pdf' },
        { filename: 'photo\u202Egpj.exe', content: pdf, contentType: 'image/jpeg' },
        { filename: 'minutes.pdf', content: Buffer.from('MZ\x90\x00', 'latin1'), contentType: 'application/pdf' },
        { filename: 'minutes-2.pdf', content: pdf, contentType: 'application/pdf' },
      ],
    });
    const parsed = await parseMail(Readable.from([raw]), objects);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['minutes-2.pdf']);
    expect(parsed.quarantined.map((q) => [q.filename, q.reason])).toEqual([
      ['invoice.exe.', 'executable file type'],
      ['report.exe::$DATA', 'executable file type'],
      ['photogpj.exe', 'executable file type'],
      ['minutes.pdf', 'executable content: a Windows program (MZ/PE)'],
    ]);
  });
});

describe('what the first bytes of an attachment say', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);

  it('is a program only when the whole signature is there', () => {
    expect(executableContent(bytes(0x4d, 0x5a, 0x90))).toBe('a Windows program (MZ/PE)');
    expect(executableContent(bytes(0x4d, 0x41))).toBeUndefined();
    expect(executableContent(bytes(0x41, 0x5a))).toBeUndefined();
    expect(executableContent(bytes(0x7f, 0x45, 0x4c, 0x46))).toBe('a Linux program (ELF)');
    for (const notElf of [
      [0x7f, 0x45, 0x4c, 0x00],
      [0x7f, 0x45, 0x00, 0x46],
      [0x7f, 0x00, 0x4c, 0x46],
      [0x00, 0x45, 0x4c, 0x46],
    ])
      expect(executableContent(bytes(...notElf))).toBeUndefined();
    expect(executableContent(bytes(0xca, 0xfe, 0xba, 0xbe))).toBe('a macOS program (Mach-O)');
  });

  it('is a script with #!, also after a UTF-8 byte-order mark, but not with # or ! alone', () => {
    expect(executableContent(bytes(0x23, 0x21, 0x2f))).toBe('a script (#!)');
    expect(executableContent(bytes(0xef, 0xbb, 0xbf, 0x23, 0x21))).toBe('a script (#!)');
    expect(executableContent(bytes(0x23, 0x20))).toBeUndefined();
    expect(executableContent(bytes(0x20, 0x21))).toBeUndefined();
    expect(executableContent(bytes(0xef, 0xbb, 0x00, 0x23, 0x21))).toBeUndefined();
    expect(executableContent(bytes(0xef, 0x00, 0xbf, 0x23, 0x21))).toBeUndefined();
    expect(executableContent(bytes(0x00, 0xbb, 0xbf, 0x23, 0x21))).toBeUndefined();
  });

  it('is nothing for an empty or short file', () => {
    expect(executableContent(bytes())).toBeUndefined();
    expect(executableContent(bytes(0x23))).toBeUndefined();
  });
});
