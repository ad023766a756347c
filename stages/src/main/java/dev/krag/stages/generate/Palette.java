package dev.krag.stages.generate;

import static dev.krag.stages.generate.Colors.blend;

import dev.krag.stages.generate.Setting.TimeOfDay;
import dev.krag.stages.generate.Setting.Weather;
import java.awt.Color;

/** The colours of one time of day, greyed by the weather. */
record Palette(Color skyTop, Color skyBottom, Color light, Color ground, Color silhouette, Color window) {

  private static final Color CLOUD = new Color(0x7b8089);
  private static final Color MIST = new Color(0xc9ccd0);

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

  static Palette of(TimeOfDay time, Weather weather) {
    Palette clear = of(time);
    return switch (weather) {
      case CLEAR -> clear;
      case RAIN -> clear.overcast(CLOUD, 0.55);
      case STORM -> clear.overcast(CLOUD.darker(), 0.75);
      case SNOW -> clear.overcast(MIST, 0.45);
      case FOG -> clear.overcast(MIST, 0.6);
    };
  }

  private Palette overcast(Color cloud, double amount) {
    return new Palette(blend(skyTop, cloud, amount), blend(skyBottom, cloud, amount), blend(light, cloud, amount * 0.6),
        blend(ground, cloud, amount * 0.3), silhouette, window);
  }
}
