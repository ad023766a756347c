package dev.krag.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Stage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class AvroConnectDataTest {

  static final Run RUN = Run.newBuilder().setRunId("run-1").setStoryId("story-1").setTitle("The Fox and the Cat")
      .setStatus(RunStatus.COMPLETED).setCurrentStage(Stage.CRITIQUE).setIteration(1).setReadyShots(List.of("s1", "s2"))
      .setVideoPath("outputs/run-1/final.mp4").setStageOutputs(Map.of("plan.shots", "9")).setConfig(RunConfig.newBuilder().build())
      .setCreatedAt(1_764_547_200_000L).setUpdatedAt(1_764_547_260_000L).build();

  @Test
  void aRunBecomesAStructFieldForField() {
    AvroConnectData data = new AvroConnectData();

    Schema schema = data.schema(Run.getClassSchema());
    Struct run = (Struct) data.value(schema, Run.getClassSchema(), RUN);

    assertThat(run.getString("runId")).isEqualTo("run-1");
    assertThat(run.getString("status")).as("an enum, as its name").isEqualTo("COMPLETED");
    assertThat(run.getString("videoPath")).isEqualTo("outputs/run-1/final.mp4");
    assertThat(schema.field("videoPath").schema().isOptional()).as("a union with null").isTrue();
    assertThat(schema.field("error").schema().isOptional()).isTrue();
    assertThat(run.getString("error")).isNull();
    assertThat(run.getArray("readyShots")).containsExactly("s1", "s2");
    assertThat(run.<String, String>getMap("stageOutputs")).containsEntry("plan.shots", "9");
    assertThat(run.getStruct("config").getInt32("width")).isEqualTo(1280);
    assertThat(run.getInt64("createdAt")).isEqualTo(1_764_547_200_000L);
    run.validate();
  }

  @Test
  void theSchemaOfAnAvroSchemaIsMadeOnce() {
    AvroConnectData data = new AvroConnectData();

    assertThat(data.schema(Run.getClassSchema())).isSameAs(data.schema(Run.getClassSchema()));
  }

  @Test
  void namedFieldsBecomeJsonTextForAJsonbColumnAndTheRestStaysAsItWas() {
    AvroConnectData data = new AvroConnectData();
    Schema schema = data.schema(Run.getClassSchema());
    Struct run = (Struct) data.value(schema, Run.getClassSchema(), RUN);
    try (JsonbFields<SinkRecord> jsonb = new JsonbFields<>()) {
      jsonb.configure(Map.of(JsonbFields.FIELDS, "stageOutputs,config"));

      Struct out = (Struct) jsonb.apply(new SinkRecord("krag.runs.v1", 0, Schema.STRING_SCHEMA, "run-1", schema, run, 7)).value();

      assertThat(out.getString("stageOutputs")).isEqualTo("{\"plan.shots\":\"9\"}");
      assertThat(out.getString("config")).contains("\"width\":1280", "\"fps\":24");
      assertThat(out.schema().field("config").schema().name()).isEqualTo(JsonbFields.JSON_SCHEMA_NAME);
      assertThat(out.schema().field("config").schema().parameters()).containsEntry(JsonbFields.COLUMN_TYPE, "JSONB");
      assertThat(out.getString("runId")).isEqualTo("run-1");
      assertThat(out.getArray("readyShots")).containsExactly("s1", "s2");
    }
  }
}
