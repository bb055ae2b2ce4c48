import { afterEach, describe, expect, it } from '@jest/globals';
import { awsServices } from '../../../functions/shared/aws-services.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('a deployed function’s environment (awsServices)', () => {
  it('names every missing or malformed variable, one problem each', () => {
    process.env = { PATH: saved.PATH, READ_MODEL_TABLE: 'read', OBJECT_BUCKET: '', MAIL_QUEUE_URL: 'not a url' };
    expect(() => awsServices()).toThrow(
      'function environment is incomplete: EVENTS_TABLE: Invalid input: expected string, received undefined; OBJECT_BUCKET: Too small: expected string to have >=1 characters; MAIL_QUEUE_URL: Invalid URL',
    );
  });

  it('builds the services from a complete one', () => {
    process.env = {
      PATH: saved.PATH,
      AWS_REGION: 'ap-south-1',
      EVENTS_TABLE: 'events',
      READ_MODEL_TABLE: 'read',
      OBJECT_BUCKET: 'bucket',
      MAIL_QUEUE_URL: 'https://sqs.ap-south-1.amazonaws.com/1/q',
    };
    const s = awsServices();
    expect(s.env).toEqual({
      EVENTS_TABLE: 'events',
      READ_MODEL_TABLE: 'read',
      OBJECT_BUCKET: 'bucket',
      MAIL_QUEUE_URL: 'https://sqs.ap-south-1.amazonaws.com/1/q',
    });
    expect(s.agency.config.agency.id).toBe('necs');
  });
});
