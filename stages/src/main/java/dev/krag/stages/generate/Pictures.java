package dev.krag.stages.generate;

import dev.krag.stages.llm.ProviderException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Pictures as providers send them: encoded (PNG, JPEG, WebP where ImageIO reads it) bytes. */
final class Pictures {

  private Pictures() {}

  /**
   * @param status the HTTP status the bytes came with, for the exception: an answer that is not a
   *     picture is the provider's failure, and not one a retry is known to mend
   */
  static BufferedImage decode(byte[] bytes, int status, String provider) {
    try {
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
      if (picture == null) {
        throw new ProviderException(status, provider + " sent " + bytes.length + " bytes that are not a picture ImageIO reads");
      }
      return picture;
    } catch (IOException e) {
      throw new ProviderException(status, provider + " sent a picture that cannot be decoded: " + e.getMessage(), e);
    }
  }
}
