package dev.krag.stages.generate;

import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.llm.AttemptFailed;
import dev.krag.stages.llm.FallbackChain;
import dev.krag.stages.llm.FallbackChain.Link;
import dev.krag.stages.llm.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configured image models in order, then the local illustrator, which always draws. A paid
 * picture is checked against the shot's budget before it is asked for, and each frame's manifest
 * says who drew it.
 */
public final class IllustratorChain {

  private final List<RemoteIllustrator> painters;
  private final Illustrator local;

  public IllustratorChain(List<RemoteIllustrator> painters, Illustrator local) {
    this.painters = List.copyOf(painters);
    this.local = local;
  }

  /** A chain of the local illustrator alone. */
  public static IllustratorChain local(Illustrator local) {
    return new IllustratorChain(List.of(), local);
  }

  /** The illustrators in the order they are tried: part of every frame's asset hash. */
  public String name() {
    return Stream.concat(painters.stream().map(Illustrator::name), Stream.of(local.name())).collect(Collectors.joining("+"));
  }

  public Metered<Illustration> draw(ShotTask task, String callKey, Budget budget) {
    List<Link<Illustration>> links = new ArrayList<>();
    painters.forEach(painter -> links.add(new Link<>(painter.name(), () -> paint(painter, task, callKey, budget))));
    links.add(Link.local(callKey, local.name(), 1, "image", () -> signed(local.draw(task), local.name())));
    return FallbackChain.first("draw " + task.getShot().getShotId(), links);
  }

  private static Metered<Illustration> paint(RemoteIllustrator painter, ShotTask task, String callKey, Budget budget) {
    double price = painter.priceUsd(task);
    budget.check(painter.name(), price);
    long started = System.nanoTime();
    Illustration painted;
    try {
      painted = painter.draw(task);
    } catch (ProviderException e) {
      throw new AttemptFailed(painter.name() + ": " + e.getMessage(), List.of(), e);
    }
    ProviderCall call = new ProviderCall(callKey, painter.provider(), painter.model(), 1, "image", price,
        (System.nanoTime() - started) / 1e9, false);
    budget.charge(List.of(call));
    return new Metered<>(signed(painted, painter.name()), List.of(call));
  }

  private static Illustration signed(Illustration illustration, String illustrator) {
    return new Illustration(illustration.image(),
        RenderManifest.newBuilder(illustration.manifest()).setIllustrator(illustrator).build());
  }
}
