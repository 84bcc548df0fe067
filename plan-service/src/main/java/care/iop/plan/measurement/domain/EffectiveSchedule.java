package care.iop.plan.measurement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * The schedule a plan follows: for every instrument the plan's own entry when it has one, else the default; with the
 * revision of the plan's row (0: no row, defaults only), which is the ETag of the schedule.
 */
public record EffectiveSchedule(List<Entry> entries, long revision) {
    /** One instrument's schedule and whether the plan set it ({@code false}: the default). */
    public record Entry(InstrumentSchedule schedule, boolean planOwn) {
    }

    /** Merges {@code own} (may be null) over {@code defaults} (one per instrument), in instrument order. */
    public static EffectiveSchedule of(Map<Instrument, InstrumentSchedule> defaults, AssessmentSchedule own) {
        Map<Instrument, InstrumentSchedule> mine = own == null ? Map.of()
                : own.entries.stream().collect(Collectors.toMap(InstrumentSchedule::instrument, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (Instrument instrument : Instrument.values()) {
            InstrumentSchedule set = mine.get(instrument);
            if (set != null) {
                entries.add(new Entry(set, true));
            } else if (defaults.containsKey(instrument)) {
                entries.add(new Entry(defaults.get(instrument), false));
            }
        }
        return new EffectiveSchedule(List.copyOf(entries), own == null ? 0 : own.revision);
    }
}
