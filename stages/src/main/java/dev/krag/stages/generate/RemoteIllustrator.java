package dev.krag.stages.generate;

import dev.krag.schemas.Drawn;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Has a remote image model paint the shot, from the shot's prompt and the canonical descriptions
 * of its characters and place (the same words in every shot, so a character is painted alike),
 * and fits the picture to the run's frame. Where the model put whom is not known, so the manifest
 * boxes every character on the whole frame and the motion is a slow push in on the centre.
 */
public final class RemoteIllustrator implements Illustrator {

  /**
   * One look for the whole film, and no captions: image models letter words into a picture
   * unless told not to, and narration is the film's only text.
   */
  static final String STYLE = "Style: a painted storybook illustration, no text, letters or captions.";
  /** The push in ends on the centred 90 % of the frame: enough to feel, little enough to stay sharp. */
  private static final double PUSH_IN_MARGIN = 0.05;

  private final ImageModel model;

  public RemoteIllustrator(ImageModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return model.provider() + ":" + model.model();
  }

  public String provider() {
    return model.provider();
  }

  public String model() {
    return model.model();
  }

  /** What the picture for this task costs. */
  public double priceUsd(ShotTask task) {
    return model.priceUsd(task.getConfig().getWidth(), task.getConfig().getHeight());
  }

  @Override
  public Illustration draw(ShotTask task) {
    int width = task.getConfig().getWidth();
    int height = task.getConfig().getHeight();
    return new Illustration(FrameFit.cover(model.generate(prompt(task), width, height), width, height), manifest(task));
  }

  /**
   * The shot's prompt, then who and where, then what a refinement asks. The story's words are
   * only ever description here, one field per line.
   */
  static String prompt(ShotTask task) {
    List<String> lines = new ArrayList<>();
    lines.add(oneLine(task.getShot().getImagePrompt()));
    if (!task.getCharacters().isEmpty()) {
      lines.add("Characters: " + task.getCharacters().stream().map(RemoteIllustrator::described).collect(Collectors.joining("; ")) + ".");
    }
    lines.add("Place: " + oneLine(task.getLocation().getName())
        + (task.getLocation().getDescription().isBlank() ? "" : ", " + oneLine(task.getLocation().getDescription())) + ".");
    if (task.getRefinementHint() != null && !task.getRefinementHint().isBlank()) {
      lines.add("Change from the last picture: " + oneLine(task.getRefinementHint()));
    }
    lines.add(STYLE);
    return String.join("\n", lines);
  }

  private static String described(StoryCharacter character) {
    return oneLine(character.getName()) + (character.getDescription().isBlank() ? "" : ", " + oneLine(character.getDescription()));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private RenderManifest manifest(ShotTask task) {
    List<Drawn> drawn = task.getCharacters().stream()
        .map(c -> Drawn.newBuilder().setKind(SilhouetteIllustrator.CHARACTER).setId(c.getId()).setBox(window(0))
            // Prompted with the same words by the same model, a character is meant to look the same.
            .setLook(InputsHash.of(name(), described(c)))
            .build())
        .toList();
    return RenderManifest.newBuilder().setDrawn(drawn).setMotionStart(window(0)).setMotionEnd(window(PUSH_IN_MARGIN)).build();
  }

  /** The frame less this margin on every side; a new one each time, since Avro records are mutable. */
  private static Rect window(double margin) {
    return Rect.newBuilder().setX(margin).setY(margin).setWidth(1 - 2 * margin).setHeight(1 - 2 * margin).build();
  }
}
