import { describe, expect, it } from '@jest/globals';
import { forbiddenCommand } from '../../../domain/agency/staff.js';

/** The refusal a person gets for a command their roles do not allow (the API answers it as a 403). */
describe('a refused command', () => {
  it('says who may not do what, and why, and names the command in the reply’s details', () => {
    // Act
    const refusal = forbiddenCommand(
      { kind: 'user', userId: 'legal.officer', roles: ['division_officer'], division: 'legal' },
      'PublishWebsiteUpdate',
      'ICT services keep the website',
    );
    // Assess
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: 'legal.officer may not do PublishWebsiteUpdate: ICT services keep the website',
    });
    expect(refusal.details).toStrictEqual({ command: 'PublishWebsiteUpdate' });
  });
});
