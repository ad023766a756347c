package dev.krag.stages.generate;

import dev.krag.stages.generate.Setting.TimeOfDay;
import java.awt.Color;

/** The colours of one time of day. */
record Palette(Color skyTop, Color skyBottom, Color light, Color ground, Color silhouette, Color window) {

  static Palette of(TimeOfDay time) {
    return switch (time) {
      case DAY -> new Palette(new Color(0x5d8fc9), new Color(0xf3d9a4), new Color(0xfff4d0),
          new Color(0x2f4a3a), new Color(0x1b2320), new Color(0xffe6a0));
      case DUSK -> new Palette(new Color(0x3b2f5c), new Color(0xf08a5d), new Color(0xffc27a),
          new Color(0x2b2238), new Color(0x150f1c), new Color(0xffb860));
      case NIGHT -> new Palette(new Color(0x141633), new Color(0x4e3a73), new Color(0xfff1c7),
          new Color(0x231d3a), new Color(0x0d0b17), new Color(0xffb45a));
    };
  }
}
