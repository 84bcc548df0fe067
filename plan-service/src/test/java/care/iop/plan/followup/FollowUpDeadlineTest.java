package care.iop.plan.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import care.iop.plan.followup.service.FollowUpDeadline;
import care.iop.platform.time.ProgramTime;

/** A follow-up is due by the end of the next business day after the program day of the missed session. */
class FollowUpDeadlineTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ProgramTime TIME = new ProgramTime(NEW_YORK, Clock.systemUTC());
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(NEW_YORK).toOffsetDateTime();
    }

    @Test
    void aFridaySessionIsFollowedUpByTheEndOfMonday() {
        FollowUpDeadline deadline = FollowUpDeadline.after(TIME, at(FRIDAY, 9, 0));
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(deadline.dueAt().toInstant()).isEqualTo(OffsetDateTime.of(2026, 12, 8, 5, 0, 0, 0, ZoneOffset.UTC).toInstant());
    }

    @Test
    void aSessionAt2330OnFridayProgramTimeIsAFridayOneThoughItIsSaturdayInUtc() {
        OffsetDateTime late = at(FRIDAY, 23, 30);
        assertThat(late.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(FollowUpDeadline.after(TIME, late).dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        // given in UTC, the same instant still counts as Friday
        assertThat(FollowUpDeadline.after(TIME, late.withOffsetSameInstant(ZoneOffset.UTC)).dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aThursdaySessionIsDueFridayAndAWeekendOneMonday() {
        assertThat(FollowUpDeadline.after(TIME, at(FRIDAY.minusDays(1), 23, 59)).dueOn()).isEqualTo(FRIDAY);
        assertThat(FollowUpDeadline.after(TIME, at(FRIDAY.plusDays(1), 10, 0)).dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(FollowUpDeadline.after(TIME, at(FRIDAY.plusDays(2), 10, 0)).dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theDueInstantIsTheEndOfTheDueDayInTheProgramZoneAcrossADaylightSavingChange() {
        // Friday 2026-03-06: due Monday 2026-03-09, the day after clocks went forward (EDT, -04:00)
        FollowUpDeadline deadline = FollowUpDeadline.after(TIME, at(LocalDate.of(2026, 3, 6), 15, 0));
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(deadline.dueAt().toInstant()).isEqualTo(OffsetDateTime.of(2026, 3, 10, 4, 0, 0, 0, ZoneOffset.UTC).toInstant());
    }
}
