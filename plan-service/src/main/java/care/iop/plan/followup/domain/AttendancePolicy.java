package care.iop.plan.followup.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The program's attendance policy (domain.md: "discharge review after more than 6 missed sessions in 12 weeks"):
 * a patient who missed more than {@code maxMissed} sessions within one {@code window} of program days is due a
 * discharge review. A window ending on day D covers the program days from {@code D - window + 1 day} to D, both
 * included: with 12 weeks, a session 84 days before D is outside, one 83 days before is inside.
 * <p>
 * "Missed" is NO_SHOW and ABSENT (as the outcomes' attendance rate counts them); EXCUSED is not missed, nor are
 * ATTENDED, LATE and LEFT_EARLY.
 */
public record AttendancePolicy(int maxMissed, Period window) {
    /** The attendance statuses that count as a missed session. */
    public static final Set<String> MISSED = Set.of("NO_SHOW", "ABSENT");

    /** The missed sessions found in one window, breaking the policy. */
    public record Breach(int missedCount, LocalDate from, LocalDate to) {
    }

    public static boolean missed(String status) {
        return status != null && MISSED.contains(status);
    }

    /** The first program day of the window that ends on {@code last}. */
    public LocalDate windowStart(LocalDate last) {
        return last.minus(window).plusDays(1);
    }

    /**
     * Whether the patient's missed sessions (one program day per missed session; several on one day count each) break
     * the policy in a window that contains {@code day} (the day of the missed session just recorded): the windows ending
     * on each missed day from {@code day} up to a window later are looked at, the earliest breach wins. So the outcome
     * does not depend on the order in which the sessions' attendance arrived.
     */
    public Optional<Breach> breachAround(Collection<LocalDate> missedDays, LocalDate day) {
        List<LocalDate> days = missedDays.stream().sorted().toList();
        LocalDate lastEnd = day.plus(window).minusDays(1);
        for (LocalDate end : days.stream().filter(d -> !d.isBefore(day) && !d.isAfter(lastEnd)).distinct().toList()) {
            LocalDate from = windowStart(end);
            int count = (int) days.stream().filter(d -> !d.isBefore(from) && !d.isAfter(end)).count();
            if (count > maxMissed) {
                return Optional.of(new Breach(count, from, end));
            }
        }
        return Optional.empty();
    }
}
