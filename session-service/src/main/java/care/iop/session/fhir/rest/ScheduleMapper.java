package care.iop.session.fhir.rest;

import jakarta.inject.Singleton;

import org.hl7.fhir.r4.model.Schedule;

import care.iop.fhir.FhirVersions;
import care.iop.session.domain.SessionType;
import care.iop.session.fhir.domain.GroupSchedule;

/** The group sessions a clinician leads as the FHIR R4 Schedule their Slots belong to (docs/fhir-session.md). */
@Singleton
public class ScheduleMapper {

    public Schedule toFhir(GroupSchedule schedule) {
        Schedule fhir = new Schedule();
        fhir.setId(schedule.clinicianId().toString());
        FhirVersions.meta(fhir, schedule.revision().version(), schedule.revision().lastUpdated());
        fhir.setActive(true);
        fhir.addServiceType(SessionFhir.serviceType(SessionType.GROUP));
        fhir.addActor(SessionFhir.practitioner(schedule.clinicianId()));
        fhir.setComment("Group sessions led by this clinician: one Slot each");
        return fhir;
    }
}
