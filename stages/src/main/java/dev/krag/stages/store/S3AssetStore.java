package dev.krag.stages.store;

import dev.krag.schemas.Bucket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3 bucket, written and read through the S3 API. Encoders and decoders want files,
 * so {@link #localPath} hands out a copy from a local cache named by the object's ETag: an object
 * written again is fetched again, an unchanged one is read once. What this store writes goes into
 * the cache as it is uploaded, so a stage reading back its own output does not download it.
 */
public final class S3AssetStore implements AssetStore, AutoCloseable {

  private static final int NOT_FOUND = 404;

  private final S3Client s3;
  private final String bucket;
  private final Path cache;

  public S3AssetStore(Bucket bucket, Path cache) {
    this.s3 = bucket.client();
    this.bucket = bucket.name();
    this.cache = cache.toAbsolutePath().normalize();
  }

  @Override
  public boolean exists(String key) {
    return etag(key) != null;
  }

  @Override
  public void write(String key, byte[] content) throws IOException {
    upload(key, RequestBody.fromBytes(content), temp -> Files.write(temp, content));
  }

  @Override
  public void put(String key, Path file) throws IOException {
    upload(key, RequestBody.fromFile(file), temp -> Files.copy(file, temp));
  }

  @Override
  public void copy(String from, String to) throws IOException {
    call(to, () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to)));
  }

  @Override
  public Path localPath(String key) throws IOException {
    String etag = etag(key);
    if (etag == null) {
      throw new IOException("no object " + key + " in bucket " + bucket);
    }
    return cache(key, etag, temp -> call(key, () -> s3.getObject(b -> b.bucket(bucket).key(key), temp)));
  }

  /** How a copy of an object's content is made in a file. */
  private interface LocalCopy {
    void into(Path file) throws IOException;
  }

  private void upload(String key, RequestBody content, LocalCopy copy) throws IOException {
    cache(key, call(key, () -> s3.putObject(b -> b.bucket(bucket).key(key), content).eTag()), copy);
  }

  /** The cached copy of the object's content with this ETag, made first if there is none. */
  private Path cache(String key, String etag, LocalCopy copy) throws IOException {
    Path cached = cache.resolve(etag.replace("\"", "")).resolve(key.substring(key.lastIndexOf('/') + 1));
    if (!Files.exists(cached)) {
      Files.createDirectories(cached.getParent());
      // A fresh name, not yet a file (the SDK will not download over one); moved in whole, so a reader never sees half.
      Path temp = cached.resolveSibling("." + cached.getFileName() + "." + UUID.randomUUID() + ".part");
      copy.into(temp);
      Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE);
    }
    return cached;
  }

  /** The object's ETag, or null if there is no such object. */
  private String etag(String key) {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
    } catch (NoSuchKeyException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private interface S3Call<T> {
    T run();
  }

  private <T> T call(String key, S3Call<T> operation) throws IOException {
    try {
      return operation.run();
    } catch (SdkException e) {
      throw new IOException("S3 " + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
