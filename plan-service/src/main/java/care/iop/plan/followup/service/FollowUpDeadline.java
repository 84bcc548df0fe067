package care.iop.plan.followup.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import care.iop.platform.time.ProgramTime;

/**
 * When a follow-up is due: by the end of the next business day after the program day of the missed session (a session
 * on Friday, even at 23:30 program time, is followed up by the end of Monday). In one place so that the no-show and the
 * discharge review agree and a test can check it with any instant.
 */
public record FollowUpDeadline(LocalDate dueOn, OffsetDateTime dueAt) {

    public static FollowUpDeadline after(ProgramTime time, OffsetDateTime sessionStart) {
        LocalDate dueOn = ProgramTime.nextBusinessDay(time.dayOf(sessionStart));
        return new FollowUpDeadline(dueOn, time.endOf(dueOn));
    }
}
