import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { applySuppressions } from '../../infra/nag-suppressions.js';
import { RequestDeskStack, type RequestDeskStackProps } from '../../infra/stack.js';
import { necs } from '../support/agency.js';

/** A CloudFormation resource as the assertions read it. */
export type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

/**
 * The NECS stack as `npx cdk synth` builds it, without bundling the functions (the tests check resources,
 * not code), for the infra tests' assertions.
 */
export const synthNecs = (props: Partial<RequestDeskStackProps> = {}) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new RequestDeskStack(app, 'RequestDesk-necs', {
    agency: necs.config,
    env: { account: '111111111111', region: 'ap-south-1' },
    ...props,
  });
  applySuppressions(stack);
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  return { app, stack, template, resources, ofType };
};
