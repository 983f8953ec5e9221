// Uploads a built SPA (web/dist) to its S3 bucket and invalidates the CloudFront distribution in front of it.
// The same cache rules as the local edge (services/edge, SpaHeaders): Vite's content-hashed files under
// assets/ are immutable for a year; everything else, index.html above all, is revalidated on every load.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateInvalidationCommand,
  GetDistributionCommand,
  ListDistributionsCommand,
} from '@aws-sdk/client-cloudfront';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The object key's Cache-Control. */
export function cacheControlOf(key) {
  return key.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

export function contentTypeOf(key) {
  return TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      relative(dir, join(e.parentPath ?? e.path, e.name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

/**
 * The upload plan: every file of the build with its headers, index.html last, so that no browser
 * loads a new index.html before the files it names are there. config.json is never part of it: in AWS
 * Terraform writes it beside the SPA (docs/api.md), and a deploy must not replace it.
 */
export async function planUpload(dist) {
  const keys = (await filesUnder(dist)).filter((k) => k !== 'config.json');
  if (!keys.includes('index.html')) {
    throw new Error(`${dist} has no index.html: build the SPA first (npm run build)`);
  }
  const ordered = [...keys.filter((k) => k !== 'index.html'), 'index.html'];
  return ordered.map((key) => ({
    key,
    cacheControl: cacheControlOf(key),
    contentType: contentTypeOf(key),
  }));
}

/** The paths CloudFront may hold an old copy of: everything that is not content-hashed, and "/". */
export function invalidationPaths(plan) {
  return ['/', ...plan.filter((f) => f.cacheControl !== IMMUTABLE).map((f) => `/${f.key}`)];
}

/**
 * Deploys: uploads the plan to the bucket (old hashed assets stay, for pages still open; the bucket
 * is versioned), then invalidates the non-hashed paths. Returns what it did.
 */
export async function deploySpa({ dist, bucket, distributionId, s3, cloudfront, log = () => {} }) {
  const plan = await planUpload(dist);
  for (const file of plan) {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: file.key,
        Body: await readFile(join(dist, file.key)),
        ContentType: file.contentType,
        CacheControl: file.cacheControl,
      }),
    );
    log(`uploaded s3://${bucket}/${file.key} (${file.cacheControl})`);
  }
  const paths = invalidationPaths(plan);
  const answer = await cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: `emporium-web-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        Paths: { Quantity: paths.length, Items: paths },
      },
    }),
  );
  const invalidationId = answer.Invalidation?.Id;
  log(`invalidated ${paths.join(' ')} on ${distributionId} (invalidation ${invalidationId})`);
  return { uploaded: plan.map((f) => f.key), invalidationId, paths };
}

/** The SPA bucket of an environment (terraform/modules/edge: `<name>-web`, name = `emporium-<env>`). */
export function bucketOf(env) {
  return `emporium-${env}-web`;
}

/**
 * The CloudFront distribution serving the bucket: the one with an origin on it. Found with
 * ListDistributions, the one read the CI role for web deploys may make besides the invalidation.
 */
export async function findDistribution(cloudfront, bucket) {
  const found = [];
  let Marker;
  do {
    const page = await cloudfront.send(new ListDistributionsCommand({ Marker }));
    const list = page.DistributionList ?? {};
    for (const d of list.Items ?? []) {
      // AWS lists each distribution's origins; moto 5.2 leaves them out of the summary, so there (only) the
      // distribution itself is read.
      const origins =
        d.Origins?.Items ??
        (await cloudfront.send(new GetDistributionCommand({ Id: d.Id }))).Distribution
          ?.DistributionConfig?.Origins?.Items ??
        [];
      if (
        origins.some(
          (o) =>
            o.DomainName === `${bucket}.s3.amazonaws.com` ||
            o.DomainName?.startsWith(`${bucket}.s3.`),
        )
      ) {
        found.push(d.Id);
      }
    }
    Marker = list.IsTruncated ? list.NextMarker : undefined;
  } while (Marker);
  if (found.length !== 1) {
    throw new Error(
      found.length === 0
        ? `no CloudFront distribution has the bucket ${bucket} as an origin: pass --distribution-id`
        : `several CloudFront distributions serve ${bucket} (${found.join(', ')}): pass --distribution-id`,
    );
  }
  return found[0];
}
