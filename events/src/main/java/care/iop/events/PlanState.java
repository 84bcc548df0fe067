package care.iop.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Carried by plan events on {@link Topics#PLANS}: who the plan is for, its FHIR CarePlan status
 * (draft, active, on-hold, revoked, completed, entered-in-error), the latest prescribed modality mix
 * and the schedule of mixes by date.
 *
 * @param modality the mix of the latest switch (or the initial mix), which may take effect only later
 * @param modalitySchedule the mix in force from each date on, dates ascending: the initial mix from
 *        the plan's start, then each switch from its effective date. Absent in events written before
 *        it existed: then {@code modality} is in force on every day.
 * @param part2 the plan is a 42 CFR Part 2 record ({@link Part2}: the patient's track or an SUD diagnosis among
 *        its problems); null in events written before the label existed (then: not known to be Part 2 from the
 *        plan; the patient's own label still applies)
 * @param objectiveIds the ids of every objective of every goal of the plan's current content ("O1", "O2"), in plan order:
 *        ids only, never descriptions (clinical free text stays out of events). Null in events written before it existed
 *        (then: not known); empty when the plan has no objectives
 */
public record PlanState(UUID planId, UUID patientId, UUID primaryClinicianId, String status, String levelOfCare,
                        ModalityMix modality, LocalDate startDate, LocalDate endDate, long version,
                        List<ModalityPeriod> modalitySchedule, Boolean part2, List<String> objectiveIds) {

    public PlanState(UUID planId, UUID patientId, UUID primaryClinicianId, String status, String levelOfCare,
                     ModalityMix modality, LocalDate startDate, LocalDate endDate, long version,
                     List<ModalityPeriod> modalitySchedule, Boolean part2) {
        this(planId, patientId, primaryClinicianId, status, levelOfCare, modality, startDate, endDate, version, modalitySchedule, part2, null);
    }

    public PlanState(UUID planId, UUID patientId, UUID primaryClinicianId, String status, String levelOfCare,
                     ModalityMix modality, LocalDate startDate, LocalDate endDate, long version,
                     List<ModalityPeriod> modalitySchedule) {
        this(planId, patientId, primaryClinicianId, status, levelOfCare, modality, startDate, endDate, version, modalitySchedule, null);
    }

    /** True when the plan is labelled Part 2. */
    public boolean isPart2() {
        return Boolean.TRUE.equals(part2);
    }

    /** A mix in force from a date on (until the next period's date). */
    public record ModalityPeriod(LocalDate from, ModalityMix modality) {
    }

    /** The mix in force on {@code day}: the last period starting on or before it; the first one before the schedule starts. */
    public ModalityMix modalityOn(LocalDate day) {
        return modalityOn(modalitySchedule, modality, day);
    }

    /** {@link #modalityOn(LocalDate)} for a schedule kept apart from its event; {@code latest} when there is none. */
    public static ModalityMix modalityOn(List<ModalityPeriod> schedule, ModalityMix latest, LocalDate day) {
        if (schedule == null || schedule.isEmpty()) {
            return latest;
        }
        ModalityMix mix = schedule.get(0).modality();
        for (ModalityPeriod period : schedule) {
            if (!period.from().isAfter(day)) {
                mix = period.modality();
            }
        }
        return mix;
    }
}
