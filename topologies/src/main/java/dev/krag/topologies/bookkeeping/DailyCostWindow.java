package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.CostSpike;
import dev.krag.schemas.DailyCost;
import dev.krag.schemas.Topics;
import dev.krag.stages.generate.InputsHash;
import dev.krag.topologies.Outputs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Adds each counted cost event to its provider and model's UTC day, and raises a {@link CostSpike}
 * the first time a day passes the spike rule. The events arrive counted once (the run ledger
 * forwards only what it adds), so a day's total counts each call once.
 */
final class DailyCostWindow implements Processor<String, CostEvent, String, Object> {

  static final Duration DAY = Duration.ofDays(1);
  /** The trailing week and today, with a day to spare for late events. */
  static final Duration RETENTION = DAY.multipliedBy(CostSpikeRule.TRAILING_DAYS + 2);

  private ProcessorContext<String, Object> context;
  private WindowStore<String, DailyCost> days;

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.days = context.getStateStore(BookkeepingTopology.DAILY_COSTS);
  }

  @Override
  public void process(Record<String, CostEvent> record) {
    CostEvent event = record.value();
    long day = Math.floorDiv(event.getAt(), DAY.toMillis()) * DAY.toMillis();
    DailyCost known = days.fetch(record.key(), day);
    DailyCost today = DailyCost.newBuilder(known != null ? known
            : DailyCost.newBuilder().setProvider(event.getProvider()).setModel(event.getModel()).build())
        .setCalls((known != null ? known.getCalls() : 0) + 1)
        .setUsd((known != null ? known.getUsd() : 0) + event.getUsd())
        .build();
    List<DailyCost> before = new ArrayList<>();
    try (WindowStoreIterator<DailyCost> earlier =
        days.fetch(record.key(), day - CostSpikeRule.TRAILING_DAYS * DAY.toMillis(), day - DAY.toMillis())) {
      earlier.forEachRemaining(kv -> before.add(kv.value));
    }
    CostSpikeRule.spike(today, before).ifPresent(mean -> {
      String date = Instant.ofEpochMilli(day).atZone(ZoneOffset.UTC).toLocalDate().toString();
      new Outputs(context, record).send(Topics.COST_ALERTS, record.key(), CostSpike.newBuilder()
          .setSpikeId(InputsHash.of(record.key(), date))
          .setProvider(event.getProvider())
          .setModel(event.getModel())
          .setDay(date)
          .setDayUsd(today.getUsd())
          .setTrailingAverageUsd(mean)
          .setTrailingDays((int) before.stream().filter(d -> d.getUsd() > 0).count())
          .setAt(event.getAt())
          .build());
      today.setSpikeReported(true);
    });
    days.put(record.key(), today, day);
  }
}
