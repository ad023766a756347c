package dev.krag.stages.generate;

import java.awt.image.BufferedImage;

/** A remote model that paints a picture from a prompt. */
public interface ImageModel {

  String provider();

  String model();

  /**
   * What one picture for a frame of this size costs: the price of the size {@link #generate}
   * asks the provider for, which depends on the frame's aspect.
   */
  double priceUsd(int frameWidth, int frameHeight);

  /**
   * A picture of about the frame's aspect, at one of the sizes the model paints (not the frame's
   * own size: fitting it is the caller's job).
   *
   * @throws dev.krag.stages.llm.ProviderException when the provider refuses or fails
   */
  BufferedImage generate(String prompt, int frameWidth, int frameHeight);
}
