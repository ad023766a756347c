package dev.krag.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The expirations of a bucket's lifecycle rules, carried out through the S3 API for a server that
 * does not carry them out itself: every object under an enabled rule's prefix older than its days
 * is deleted. Other rules (transitions to another storage class) are left to servers that have one.
 */
final class Expiry {

  private Expiry() {}

  /** Deletes what has expired by {@code now}; how many objects that was. */
  static int apply(S3Client s3, String bucket, BucketLifecycleConfiguration lifecycle, Instant now) {
    int deleted = 0;
    for (LifecycleRule rule : lifecycle.rules()) {
      if (rule.status() != ExpirationStatus.ENABLED || rule.expiration() == null || rule.expiration().days() == null) {
        continue;
      }
      Instant before = now.minus(Duration.ofDays(rule.expiration().days()));
      List<String> expired = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(rule.filter().prefix())).contents().stream()
          .filter(o -> !o.key().endsWith("/") && o.lastModified().isBefore(before)).map(S3Object::key).toList();
      // Keys ending in a slash are folders a file-backed server lists, not objects. One by one: a
      // batch delete needs a checksum header that not every S3-compatible server takes.
      expired.forEach(key -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
      deleted += expired.size();
    }
    return deleted;
  }
}
