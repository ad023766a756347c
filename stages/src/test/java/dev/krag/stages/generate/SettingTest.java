package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Location;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import dev.krag.stages.generate.Setting.Kind;
import dev.krag.stages.generate.Setting.TimeOfDay;
import dev.krag.stages.generate.Setting.Weather;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingTest {

  @ParameterizedTest(name = "{0} ({1}) is a {2}")
  @CsvSource(delimiter = '|', textBlock = """
      the wood              | a great forest               | FOREST
      the little house      | made of bread, in the wood   | COTTAGE
      the king's palace     |                              | CASTLE
      the kitchen           | in the castle                | ROOM
      the well              |                              | WELL
      the sea               |                              | SEA
      the village           |                              | VILLAGE
      the mill              |                              | MILL
      the glass-mountain    |                              | MOUNTAIN
      the lake              |                              | RIVER
      the garden            |                              | GARDEN
      the road              |                              | ROAD
      the churchyard        |                              | CHURCH
      the place             | where the witch lived, a hut | COTTAGE
      somewhere             |                              | MEADOW
      """)
  void aPlaceIsKnownByItsNameThenByItsDescription(String name, String description, Kind kind) {
    assertThat(setting(name, description == null ? "" : description, "They went on.").kind()).isEqualTo(kind);
  }

  @Test
  void theNarrationSetsTheTimeOfDayAndTheWeather() {
    Setting stormyNight = setting("the wood", "", "At night a storm broke over the wood.");
    Setting snowyDay = setting("the road", "", "Snow lay deep on the road.");
    Setting indoorsInRain = setting("the kitchen", "", "The rain beat on the window.");
    Setting simile = setting("the wood", "", "Gretel ran like lightning to Hansel.");
    Setting nightfall = setting("the wood", "", "As night fell, they lay down.");

    assertThat(stormyNight.time()).isEqualTo(TimeOfDay.NIGHT);
    assertThat(stormyNight.weather()).isEqualTo(Weather.STORM);
    assertThat(snowyDay.time()).isEqualTo(TimeOfDay.DAY);
    assertThat(snowyDay.weather()).isEqualTo(Weather.SNOW);
    assertThat(indoorsInRain.weather()).as("no rain falls indoors").isEqualTo(Weather.CLEAR);
    assertThat(simile.weather()).as("a simile is no storm").isEqualTo(Weather.CLEAR);
    assertThat(nightfall.time()).isEqualTo(TimeOfDay.NIGHT);
  }

  private static Setting setting(String name, String description, String narration) {
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, narration, 1, 1);
    return Setting.of(ShotTask.newBuilder(task)
        .setShot(Shot.newBuilder(task.getShot()).setNarration(narration).build())
        .setLocation(Location.newBuilder().setId("loc").setName(name).setDescription(description).build()).build());
  }
}
