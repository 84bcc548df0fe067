package care.iop.plan.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class KnownPatientTest {

    @Test
    void adolescentUntilTheDayBeforeTheEighteenthBirthday() {
        KnownPatient patient = new KnownPatient();
        patient.track = "ADULT_MH";
        patient.birthDate = LocalDate.of(2008, 12, 15);
        assertThat(patient.isAdolescentOn(LocalDate.of(2026, 12, 14))).isTrue();
        assertThat(patient.isAdolescentOn(LocalDate.of(2026, 12, 15))).isFalse();
    }

    @Test
    void theTrackDecidesOnlyWhileTheBirthDateIsUnknown() {
        KnownPatient patient = new KnownPatient();
        patient.track = KnownPatient.ADOLESCENT;
        assertThat(patient.isAdolescentOn(LocalDate.of(2026, 12, 1))).isTrue();
        patient.birthDate = LocalDate.of(1990, 1, 1);
        assertThat(patient.isAdolescentOn(LocalDate.of(2026, 12, 1))).isFalse();
    }
}
