package dev.krag.stages.generate;

import dev.krag.stages.llm.ProviderGuard;
import java.awt.image.BufferedImage;

/** A provider's image model behind the provider's guard. */
public final class GuardedImageModel implements ImageModel {

  private final ImageModel model;
  private final ProviderGuard guard;

  public GuardedImageModel(ImageModel model, ProviderGuard guard) {
    this.model = model;
    this.guard = guard;
  }

  @Override
  public String provider() {
    return model.provider();
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public double priceUsd(int frameWidth, int frameHeight) {
    return model.priceUsd(frameWidth, frameHeight);
  }

  @Override
  public BufferedImage generate(String prompt, int frameWidth, int frameHeight) {
    return guard.call(() -> model.generate(prompt, frameWidth, frameHeight));
  }
}
