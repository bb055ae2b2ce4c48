import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RequestDeskStack } from '../../infra/stack.js';
import { necs } from '../support/agency.js';

const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const template = Template.fromStack(
  new RequestDeskStack(app, 'RequestDesk-necs', {
    agency: necs.config,
    env: { account: '111111111111', region: 'ap-south-1' },
  }),
);

describe('the staff console on AWS', () => {
  it('is served from a private bucket that only CloudFront reads, through origin access control', () => {
    // Prepare / Act: the synthesized stack. Assess:
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
  });

  it('answers deep links with the app and puts the API under /api/* on the same origin, uncached', () => {
    const distribution = template.findResources('AWS::CloudFront::Distribution');
    const config = (
      Object.values(distribution)[0] as {
        Properties: {
          DistributionConfig: {
            CacheBehaviors: { PathPattern: string; AllowedMethods: string[]; CachePolicyId: string }[];
          };
        };
      }
    ).Properties.DistributionConfig;
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api?.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']));
    expect(api?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp('/console/index.html'),
    });
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp('api') });
  });

  it('sends strict security headers: CSP with frame-ancestors none, HSTS, no framing', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'"),
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      },
    });
  });

  it('signs staff in through Cognito managed login with the authorization-code flow, no client secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: Match.absent(),
    });
  });
});
