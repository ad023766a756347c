package dev.krag.topologies;

import dev.krag.schemas.Drawn;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.generate.Illustration;
import dev.krag.stages.generate.Illustrator;
import java.util.ArrayList;
import java.util.List;

/**
 * The real illustrator, except that on the first pass it draws the first character of one shot
 * another way: a shot made faulty on purpose, which a refinement draws right.
 */
final class MisdrawnOnce implements Illustrator {

  private final Illustrator illustrator;
  private final String shotId;

  MisdrawnOnce(Illustrator illustrator, String shotId) {
    this.illustrator = illustrator;
    this.shotId = shotId;
  }

  @Override
  public String name() {
    return illustrator.name();
  }

  @Override
  public Illustration draw(ShotTask task) {
    Illustration drawn = illustrator.draw(task);
    if (task.getIteration() > 0 || !task.getShot().getShotId().equals(shotId) || drawn.manifest().getDrawn().isEmpty()) {
      return drawn;
    }
    List<Drawn> figures = new ArrayList<>(drawn.manifest().getDrawn());
    figures.set(0, Drawn.newBuilder(figures.getFirst()).setLook("misdrawn").build());
    return new Illustration(drawn.image(), RenderManifest.newBuilder(drawn.manifest()).setDrawn(figures).build());
  }
}
