package dev.krag.schemas;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 bucket krag keeps its media and artifacts in ({@link AssetKeys} is the layout inside it),
 * on AWS or any S3-compatible server.
 *
 * @param endpoint the server; path-style addressing, so a local server needs no DNS per bucket
 */
public record Bucket(URI endpoint, String region, String name, String accessKey, String secretKey) {

  /** The platform spec's bucket. */
  public static final String DEFAULT_NAME = "krag-video-platform";

  /**
   * A client for the bucket's server. Checksums only where the operation requires them: the SDK's
   * default trailing checksums are not understood by every S3-compatible server.
   */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Without the secret, for logs and printed settings. */
  @Override
  public String toString() {
    return "Bucket[" + endpoint + "/" + name + ", region " + region + ", access key " + accessKey + "]";
  }
}
