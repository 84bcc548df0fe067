package care.iop.plan.measurement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * An assessment a patient's current plan schedules and nobody has taken yet: due on {@code dueOn}, on time through
 * {@code lastOnTimeDay}, {@code overdue} after it (on the day the list was computed); {@code lastTakenAt} is the
 * patient's latest assessment of the instrument (null: never).
 */
public record AssessmentDue(UUID patientId, UUID planId, UUID primaryClinicianId, Instrument instrument, LocalDate dueOn,
        LocalDate lastOnTimeDay, boolean overdue, OffsetDateTime lastTakenAt) {

    /** Overdue first, then by due day, patient and instrument: a stable order for paging. */
    public static final Comparator<AssessmentDue> ORDER = Comparator.comparing((AssessmentDue due) -> !due.overdue())
            .thenComparing(AssessmentDue::dueOn)
            .thenComparing(AssessmentDue::patientId)
            .thenComparing(AssessmentDue::instrument);
}
