package care.iop.plan.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.risk.service.FlagAssignment;
import care.iop.platform.time.ProgramTime;

/**
 * A flag is due the same program day: the first instant after the day it was raised on, in the program's time zone, is
 * the first instant it is overdue (while open).
 */
class SameDayDueTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final FlagAssignment assignment = new FlagAssignment(new ProgramTime(NEW_YORK, Clock.fixed(Instant.EPOCH, NEW_YORK)));

    @Test
    void raisedAtOneSecondBeforeMidnightIsDueAtMidnight() {
        OffsetDateTime raised = OffsetDateTime.parse("2026-03-02T23:59:59-05:00");
        SafetyFlag flag = open(raised);

        assertThat(flag.dueAt).isEqualTo(OffsetDateTime.parse("2026-03-03T00:00:00-05:00"));
        assertThat(flag.isOverdue(OffsetDateTime.parse("2026-03-02T23:59:59.999-05:00"))).isFalse();
        assertThat(flag.isOverdue(OffsetDateTime.parse("2026-03-03T00:00:00-05:00"))).isTrue();
        assertThat(flag.isOverdue(OffsetDateTime.parse("2026-03-03T05:00:00Z"))).as("the same instant in UTC").isTrue();
        assertThat(flag.isOverdue(OffsetDateTime.parse("2026-03-03T04:59:59.999Z"))).isFalse();
    }

    @Test
    void theProgramDayNotTheUtcDayDecides() {
        // 23:30 in New York on the 2nd is already the 3rd in UTC: due at the end of the New York day (05:00 UTC on the 3rd),
        // not at the end of the UTC day.
        SafetyFlag lateEvening = open(OffsetDateTime.parse("2026-03-03T04:30:00Z"));
        assertThat(lateEvening.dueAt).isEqualTo(OffsetDateTime.parse("2026-03-03T00:00:00-05:00"));
        assertThat(lateEvening.isOverdue(OffsetDateTime.parse("2026-03-03T04:59:59.999Z"))).isFalse();
        assertThat(lateEvening.isOverdue(OffsetDateTime.parse("2026-03-03T05:00:00Z"))).isTrue();

        // 00:00 in New York on the 3rd (05:00 UTC) starts the next program day: due a day later.
        SafetyFlag midnight = open(OffsetDateTime.parse("2026-03-03T05:00:00Z"));
        assertThat(midnight.dueAt).isEqualTo(OffsetDateTime.parse("2026-03-04T00:00:00-05:00"));
    }

    @Test
    void theDayEndsAtLocalMidnightAcrossADaylightSavingChange() {
        // 8 March 2026: clocks go forward in New York; the next midnight is at UTC-4.
        SafetyFlag flag = open(OffsetDateTime.parse("2026-03-08T12:00:00-04:00"));
        assertThat(flag.dueAt).isEqualTo(OffsetDateTime.parse("2026-03-09T00:00:00-04:00"));
    }

    @Test
    void aClosedFlagIsNeverOverdue() {
        SafetyFlag flag = open(OffsetDateTime.parse("2026-03-02T10:00:00-05:00"));
        flag.status = SafetyFlag.Status.RESOLVED;
        assertThat(flag.isOverdue(OffsetDateTime.parse("2026-03-10T00:00:00-05:00"))).isFalse();
    }

    private SafetyFlag open(OffsetDateTime raised) {
        SafetyFlag flag = new SafetyFlag();
        flag.status = SafetyFlag.Status.OPEN;
        flag.raisedAt = raised;
        flag.dueAt = assignment.dueAt(raised);
        return flag;
    }
}
