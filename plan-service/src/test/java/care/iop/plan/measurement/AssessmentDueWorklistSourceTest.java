package care.iop.plan.measurement;

import static care.iop.plan.measurement.MeasurementFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.measurement.service.AssessmentDueWorklistSource;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.plan.worklist.service.WorklistSource;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.WorklistAction;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.WorklistItemKind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The worklist contribution: the clinician's patients' assessments due by the horizon or overdue, overdue computed
 * against the {@code now} passed in (the day boundary in the program's time zone).
 */
@QuarkusTest
class AssessmentDueWorklistSourceTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    AssessmentDueWorklistSource source;

    @Inject
    @All
    List<WorklistSource> sources;

    @Inject
    ProgramTime time;

    MeasurementFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new MeasurementFixtures(ds);
    }

    @Test
    void isOneOfTheWorklistSources() {
        assertThat(sources).anyMatch(AssessmentDueWorklistSource.class::isInstance);
    }

    @Test
    @ActivateRequestContext
    void theClinicianSeesItsPatientsAssessmentsOverdueFromTheDayAfterTheDueDay() {
        UUID clinician = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID plan = fixtures.currentPlan(patient, clinician, 15);
        for (Instrument instrument : List.of(Instrument.PHQ9, Instrument.GAD7, Instrument.AUDIT, Instrument.DAST10)) {
            fixtures.taken(patient, instrument, 15);
        }
        fixtures.taken(patient, Instrument.GAD7, 7);
        fixtures.currentPlan(UUID.randomUUID(), UUID.randomUUID(), 15);
        LocalDate dueDay = today().minusDays(1);

        List<WorklistItem> now = source.itemsFor(clinician, time.now(), time.endOf(today().plusDays(1)));
        assertThat(now).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(WorklistItemKind.ASSESSMENT_DUE);
            assertThat(item.patientId()).isEqualTo(patient);
            assertThat(item.resourceId()).isEqualTo(plan);
            assertThat(item.summary()).contains("PHQ-9").doesNotContain(patient.toString());
            assertThat(item.dueAt()).isEqualTo(time.endOf(dueDay));
            assertThat(item.overdue()).isTrue();
            assertThat(item.action()).isEqualTo(WorklistAction.post("/api/v1/assessments"));
        });

        // the last second of the due day: due, not overdue yet
        OffsetDateTime lastSecond = time.endOf(dueDay).minusSeconds(1);
        assertThat(source.itemsFor(clinician, lastSecond, time.endOf(dueDay.plusDays(1))))
                .singleElement().satisfies(item -> assertThat(item.overdue()).isFalse());
        // two days before the due day, with a horizon at the end of tomorrow: not listed yet
        OffsetDateTime earlier = time.endOf(dueDay.minusDays(2)).minusSeconds(1);
        assertThat(source.itemsFor(clinician, earlier, time.endOf(dueDay.minusDays(1)))).isEmpty();
        assertThat(source.itemsFor(clinician, earlier, time.endOf(dueDay))).singleElement()
                .satisfies(item -> assertThat(item.overdue()).isFalse());
    }
}
