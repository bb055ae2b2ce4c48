import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { AgencyConfig } from '../../domain/agency/config.js';
import { consoleCsp, portalCsp } from '../security-headers.js';

export interface StaffConsoleProps {
  readonly agency: AgencyConfig;
  readonly http: apigw.HttpApi;
  readonly users: cognito.UserPool;
  /** The app client the API's authorizer accepts: it gets the authorization-code flow (PKCE, no secret). */
  readonly client: cognito.UserPoolClient;
  /** The built console (`console/dist`); a placeholder page when it was not built before synth. */
  readonly distDir?: string;
  /** The API's custom domain, when its `execute-api` endpoint is disabled; else CloudFront uses that endpoint. */
  readonly apiOriginDomain?: string;
  /** The WAF web ACL (CLOUDFRONT scope, us-east-1) in front of the distribution. */
  readonly webAclArn?: string;
}

/** Viewer-request rewrites: `/` → `/console/`, console deep links → its index.html (SPA fallback). */
const consoleRouting = `function handler(event) {
  var uri = event.request.uri;
  if (uri === '/' || uri === '/console') return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/console/' } } };
  if (uri.indexOf('/console/') === 0 && uri.indexOf('/console/assets/') !== 0 && uri !== '/console/config.json') event.request.uri = '/console/index.html';
  return event.request;
}`;
/** The API answers at the root of its own domain: `/api/requests` reaches it as `/requests`. */
const stripApiPrefix = `function handler(event) {
  event.request.uri = event.request.uri.replace(/^\\/api(?=\\/|$)/, '') || '/';
  return event.request;
}`;

/** What CloudFront sends on to the API from a portal or public-API request (besides cookies and the query). */
export const PUBLIC_ORIGIN_HEADERS = [
  'CloudFront-Viewer-Address',
  'Content-Type',
  'Accept',
  'Accept-Language',
  'Origin',
  'Referer',
  'User-Agent',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
];

/**
 * The portal's pages are served by the API at `/portal…` (no `/api` prefix: the address a requester sees
 * and is mailed). `/portal/` is sent on as `/portal`, the portal's home, which API Gateway routes by name.
 */
export const portalRouting = `function handler(event) {
  if (event.request.uri === '/portal/') event.request.uri = '/portal';
  return event.request;
}`;

/**
 * The security headers of every page the distribution serves, the console's and the portal's alike:
 * HTTPS only for two years (preloaded), never framed, no content sniffing. Each part brings its own
 * Content-Security-Policy and referrer policy.
 */
const strictSecurityHeaders = (
  contentSecurityPolicy: string,
  referrerPolicy: cloudfront.HeadersReferrerPolicy,
): cloudfront.ResponseSecurityHeadersBehavior => ({
  contentSecurityPolicy: { contentSecurityPolicy, override: true },
  strictTransportSecurity: {
    accessControlMaxAge: Duration.days(730),
    includeSubdomains: true,
    preload: true,
    override: true,
  },
  frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
  contentTypeOptions: { override: true },
  referrerPolicy: { referrerPolicy, override: true },
});

/**
 * The staff console on AWS: a private S3 bucket read by CloudFront through origin access control, the
 * API under `/api/*` on the same origin (no CORS), strict security headers, and Cognito managed login
 * with the authorization-code flow and PKCE (oidc-client-ts in the browser).
 */
export class StaffConsole extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly url: string;
  readonly loginDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffConsoleProps) {
    super(scope, id);
    const { region } = Stack.of(this);
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Request Desk console: strict security headers',
      securityHeadersBehavior: strictSecurityHeaders(
        consoleCsp(region),
        cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
      ),
    });
    // The requesters' portal: no sign-in, HTML that works without JavaScript, tracking links that carry a
    // token in the query string (so no referrer ever leaves a portal page).
    const portalHeaders = new cloudfront.ResponseHeadersPolicy(this, 'PortalHeaders', {
      comment: 'Request Desk portal: strict security headers, no referrer',
      securityHeadersBehavior: strictSecurityHeaders(portalCsp(), cloudfront.HeadersReferrerPolicy.NO_REFERRER),
    });
    const apiOrigin = new origins.HttpOrigin(
      props.apiOriginDomain ?? `${props.http.apiId}.execute-api.${region}.amazonaws.com`,
      { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY },
    );
    // Public routes are limited per network (the portal's daily submissions): the API must see the requester's
    // address, which CloudFront sends only when a policy asks for `CloudFront-Viewer-Address` (API Gateway's
    // sourceIp is CloudFront's). A custom policy can add CloudFront's headers only to a list (at most 10), not to
    // "all viewer headers except Host", so it names what the portal and the public JSON API read.
    const publicRequests = new cloudfront.OriginRequestPolicy(this, 'PublicRequests', {
      comment: 'Request Desk portal and public API: the viewer address for per-network limits',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...PUBLIC_ORIGIN_HEADERS),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    });
    const portalFunction = new cloudfront.Function(this, 'PortalRouting', {
      code: cloudfront.FunctionCode.fromInline(portalRouting),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const stripApi = new cloudfront.Function(this, 'StripApi', {
      code: cloudfront.FunctionCode.fromInline(stripApiPrefix),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Request Desk console — ${props.agency.agency.name}`,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'Routing', {
              code: cloudfront.FunctionCode.fromInline(consoleRouting),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        ...Object.fromEntries(
          ['/portal', '/portal/*'].map((pattern) => [
            pattern,
            {
              origin: apiOrigin,
              viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
              allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
              cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
              originRequestPolicy: publicRequests,
              responseHeadersPolicy: portalHeaders,
              compress: true,
              functionAssociations: [
                { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: portalFunction },
              ],
            },
          ]),
        ),
        '/api/public/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: publicRequests,
          responseHeadersPolicy: headers,
          functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: stripApi }],
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: stripApi }],
        },
      },
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    // Cognito managed login; the API's own app client gets the code flow (public client: PKCE, no secret).
    this.loginDomain = props.users.addDomain('Login', {
      // The account stays a token when synthesised without CDK_DEFAULT_ACCOUNT: only the agency part may be
      // lower-cased and cut (an account id is 12 digits, so the prefix stays within Cognito's 63 characters).
      cognitoDomain: {
        domainPrefix: `request-desk-${props.agency.agency.id.toLowerCase().slice(0, 37)}-${Stack.of(this).account}`,
      },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    new cognito.CfnManagedLoginBranding(this, 'LoginBranding', {
      userPoolId: props.users.userPoolId,
      clientId: props.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    const cfnClient = props.client.node.defaultChild as cognito.CfnUserPoolClient;
    cfnClient.allowedOAuthFlowsUserPoolClient = true;
    cfnClient.allowedOAuthFlows = ['code'];
    cfnClient.allowedOAuthScopes = ['openid', 'email', 'profile'];
    cfnClient.supportedIdentityProviders = ['COGNITO'];
    cfnClient.callbackUrLs = [`${this.url}/console/callback`];
    cfnClient.logoutUrLs = [`${this.url}/console/`];

    const dist = props.distDir ?? join(import.meta.dirname, '..', '..', 'console', 'dist');
    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: site,
      destinationKeyPrefix: 'console/',
      sources: [
        s3deploy.Source.asset(
          existsSync(join(dist, 'index.html')) ? dist : join(import.meta.dirname, '..', 'console-placeholder'),
        ),
        s3deploy.Source.jsonData('config.json', {
          apiBase: '/api',
          agencyName: props.agency.agency.name,
          timeZone: props.agency.calendar.timeZone,
          divisions: props.agency.divisions.map((d) => ({ id: d.id, name: d.name })),
          auth: {
            kind: 'cognito',
            authority: props.users.userPoolProviderUrl,
            clientId: props.client.userPoolClientId,
          },
        }),
      ],
      distribution: this.distribution,
      distributionPaths: ['/console/index.html', '/console/config.json'],
      prune: false,
    });
    // The deployment's own function (a CDK singleton at the stack's root) runs CDK's Python code on the
    // runtime CDK chose for it; ours all run the newest Node.js (infra/constructs/functions.ts).
    for (const handler of Stack.of(this).node.children.filter((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    )) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions::AwsSolutions-L1',
        reason:
          'CDK’s BucketDeployment function runs CDK’s own Python code on the runtime CDK pins for it; it is not ours to upgrade, and runs only during a deployment.',
      });
    }
    for (const finding of consoleFindings(Stack.of(this)).filter((f) => !(props.webAclArn && f.id.endsWith('-CFR2'))))
      Validations.of(Stack.of(this)).acknowledge(finding);
  }
}

/** cdk-nag findings of the console that are accepted, with the reason (acknowledged on the stack by the construct). */
export const consoleFindings = (stack: Stack): { id: string; reason: string }[] => {
  const IAM5 = (target: string) => `AwsSolutions::AwsSolutions-IAM5[${target}]`;
  const deployment =
    'CDK’s BucketDeployment custom resource copies the built console from the CDK assets bucket into the console bucket (and invalidates CloudFront); its grants are scoped to those two buckets.';
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  return [
    {
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'The console’s access-log bucket is itself the log destination (of the site bucket and CloudFront); logging it into itself would loop.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-CFR1',
      reason:
        'Staff of a national agency travel and work abroad; sign-in (Cognito, MFA required) guards the console, not geography.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-CFR2',
      reason:
        'Only when synthesised without the edge stack’s web ACL (infra/edge-waf-stack.ts; `npx cdk deploy` always has it): the API behind it keeps Cognito and its API Gateway throttles.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-CFR4',
      reason:
        'With the default *.cloudfront.net certificate CloudFront cannot enforce TLS 1.2 on the viewer side; the agency’s own domain and certificate (README) set TLSv1.2_2021.',
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((a) => ({
      id: IAM5(`Action::${a}`),
      reason: deployment,
    })),
    { id: IAM5(`Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*`), reason: deployment },
    { id: IAM5('Resource::<ConsoleSite26539DB4.Arn>/*'), reason: deployment },
    {
      id: IAM5('Resource::*'),
      reason:
        'The BucketDeployment custom resource creates CloudFront invalidations, an action that supports no resource-level permissions.',
    },
  ];
};
