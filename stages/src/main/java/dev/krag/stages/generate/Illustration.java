package dev.krag.stages.generate;

import dev.krag.schemas.RenderManifest;
import java.awt.image.BufferedImage;

/** A shot's still, with its manifest: what was drawn where, and the pan and zoom to play over it. */
public record Illustration(BufferedImage image, RenderManifest manifest) {}
