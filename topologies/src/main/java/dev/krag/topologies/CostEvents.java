package dev.krag.topologies;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.generate.InputsHash;

/** Turns provider calls into cost events with ids that a retried call reproduces. */
public final class CostEvents {

  private CostEvents() {}

  public static CostEvent of(String runId, Stage stage, ProviderCall call, long at) {
    return CostEvent.newBuilder()
        .setEventId(InputsHash.of(runId, stage, call.provider(), call.model(), call.key()))
        .setRunId(runId)
        .setStage(stage)
        .setProvider(call.provider())
        .setModel(call.model())
        .setUnits(call.units())
        .setUnit(call.unit())
        .setUsd(call.usd())
        .setComputeSeconds(call.computeSeconds())
        .setAt(at)
        .build();
  }

  public static void send(Outputs out, String runId, Stage stage, ProviderCall call) {
    out.send(Topics.COSTS, runId, of(runId, stage, call, out.timestamp()));
  }
}
