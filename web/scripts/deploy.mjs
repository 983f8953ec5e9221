#!/usr/bin/env node
// ./emporium web deploy: node scripts/deploy.mjs (--env <env> | --bucket <name>) [--distribution-id <id>]
//   [--dist dist] [--region us-east-1] [--endpoint http://127.0.0.1:4566]
// --env names the bucket emporium-<env>-web; without --distribution-id, the distribution serving that bucket is
// looked up (cloudfront:ListDistributions).
// Credentials and region come from the AWS SDK's default chain (environment, profile, the CI role);
// --endpoint (or EMPORIUM_AWS_ENDPOINT) points S3 and CloudFront at an emulator.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { bucketOf, deploySpa, findDistribution } from './spaDeploy.mjs';

const { values } = parseArgs({
  options: {
    env: { type: 'string' },
    bucket: { type: 'string' },
    'distribution-id': { type: 'string' },
    dist: { type: 'string', default: fileURLToPath(new URL('../dist', import.meta.url)) },
    region: { type: 'string' },
    endpoint: { type: 'string' },
  },
});

const bucket = values.bucket ?? (values.env ? bucketOf(values.env) : undefined);
if (!bucket) {
  console.error(
    'usage: deploy.mjs --env <env> | --bucket <spa bucket> [--distribution-id <cloudfront id>] [--dist dir]',
  );
  process.exit(2);
}

const endpoint = values.endpoint ?? process.env.EMPORIUM_AWS_ENDPOINT;
// The SPA bucket lives in us-east-1 with CloudFront (terraform/modules/edge).
const region =
  values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
const options = { region, ...(endpoint ? { endpoint } : {}) };

try {
  const cloudfront = new CloudFrontClient(options);
  const distributionId = values['distribution-id'] ?? (await findDistribution(cloudfront, bucket));
  const result = await deploySpa({
    dist: values.dist,
    bucket,
    distributionId,
    // The bucket's region may not be the caller's (the CI's AWS_REGION): follow S3's redirect.
    s3: new S3Client({
      ...options,
      forcePathStyle: Boolean(endpoint),
      followRegionRedirects: true,
    }),
    cloudfront,
    log: (line) => console.log(`[web deploy] ${line}`),
  });
  console.log(
    `[web deploy] ${result.uploaded.length} files deployed; invalidation ${result.invalidationId}`,
  );
} catch (error) {
  console.error(`[web deploy] failed: ${error.message}`);
  process.exit(1);
}
