import { describe, expect, it } from '@jest/globals';
import { Match } from 'aws-cdk-lib/assertions';
import { necs } from '../support/agency.js';
import { synthNecs } from './synth.js';

const { template, resources, ofType } = synthNecs();
const [topicId] = ofType('AWS::SNS::Topic').find(([, t]) => t.Properties.DisplayName === 'Request Desk alarms') ?? [];

describe('alarms on AWS', () => {
  it('mail ICT services (the agency’s archive address) through one encrypted topic', () => {
    expect(topicId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: necs.config.agency.archiveAddress,
      TopicArn: { Ref: topicId },
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Request Desk alarms',
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it('every alarm, dead-letter queues’ included, notifies that topic when it fires and when it recovers', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(33);
    const silent = alarms.filter(
      ([, a]) => !JSON.stringify(a.Properties.AlarmActions ?? []).includes(JSON.stringify({ Ref: topicId })),
    );
    expect(silent.map(([id]) => id)).toEqual([]);
    for (const [, a] of alarms) expect(a.Properties.OKActions).toEqual([{ Ref: topicId }]);
    const deadLetterAlarms = alarms.filter(([id]) => /DeadLetterDepth|StreamFailuresDepth/.test(id));
    expect(deadLetterAlarms).toHaveLength(5);
  });

  it('lets CloudWatch use the topic’s key (an encrypted topic refuses alarms otherwise)', () => {
    const topicKey = JSON.stringify(
      (resources[topicId as string]?.Properties.KmsMasterKeyId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0],
    );
    const key = Object.entries(resources).find(([id]) => JSON.stringify(id) === topicKey)?.[1];
    expect(JSON.stringify(key?.Properties.KeyPolicy)).toMatch(/cloudwatch\.amazonaws\.com/);
  });

  it('make a failing projection visible at once: records the projector reports as failed raise an alarm', () => {
    const [filterId, filter] = ofType('AWS::Logs::MetricFilter').find(([id]) => id.startsWith('Projector')) ?? [];
    expect(filter?.Properties).toMatchObject({
      FilterPattern: '{ ($.level = "ERROR") && ($.message = "record failed") }',
      MetricTransformations: [
        expect.objectContaining({ MetricName: 'projector-record-failures', MetricNamespace: 'RequestDesk' }),
      ],
    });
    expect(filterId).toBeDefined();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'projector-record-failures',
      Namespace: 'RequestDesk',
      Threshold: 1,
      AlarmActions: [{ Ref: topicId }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: Match.objectLike({ Ref: Match.stringLikeRegexp('^Projector') }) }],
      AlarmActions: [{ Ref: topicId }],
    });
  });
});
