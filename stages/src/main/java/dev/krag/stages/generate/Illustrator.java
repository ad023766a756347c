package dev.krag.stages.generate;

import dev.krag.schemas.ShotTask;

/** Draws the still of a shot. */
public interface Illustrator {

  /** Which illustrator this is, for asset hashes and cost records; a new drawing style is a new name. */
  String name();

  /** A frame of the run's size in TYPE_3BYTE_BGR, with its manifest and motion. */
  Illustration draw(ShotTask task);
}
