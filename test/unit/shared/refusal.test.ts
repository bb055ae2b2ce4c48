import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../domain/shared/errors.js';

describe('a refusal in the logs', () => {
  it('is named DomainError, so an operator tells a rule of the workflow from a fault', () => {
    // Act
    const refusal = new DomainError(
      'FORBIDDEN',
      'legal.officer may not do PublishWebsiteUpdate: ICT services keep the website',
    );
    // Assess
    expect(refusal.name).toBe('DomainError');
    expect(String(refusal)).toBe(
      'DomainError: legal.officer may not do PublishWebsiteUpdate: ICT services keep the website',
    );
  });
});
