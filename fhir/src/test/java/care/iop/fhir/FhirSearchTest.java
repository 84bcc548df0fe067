package care.iop.fhir;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FhirSearchTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDayIsTheWholeDayInTheProgramZone() {
        DateRange day = FhirSearch.dates("date", List.of("2026-03-02"), NEW_YORK);
        assertThat(day.from()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2026-03-03T05:00:00Z"));
        assertThat(day.contains(Instant.parse("2026-03-03T04:59:59.999Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-03-03T05:00:00Z"))).isFalse();
    }

    @Test
    void prefixesIntersect() {
        DateRange march = FhirSearch.dates("date", List.of("ge2026-03", "lt2026-04-01"), ZoneOffset.UTC);
        assertThat(march.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(march.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        DateRange after = FhirSearch.dates("date", List.of("gt2026"), ZoneOffset.UTC);
        assertThat(after.from()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(after.to()).isNull();
        DateRange until = FhirSearch.dates("date", List.of("le2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        assertThat(until.to()).isEqualTo(Instant.parse("2026-03-02T10:00:01Z"));
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> FhirSearch.dates("birthdate", List.of("03/02/2026"), ZoneOffset.UTC))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.expression()).isEqualTo("birthdate");
                });
        assertThatThrownBy(() -> FhirSearch.dates("date", List.of("2026-02-30"), ZoneOffset.UTC))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.expression()).isEqualTo("date"));
        assertThatThrownBy(() -> FhirSearch.dates("date", List.of("ap2026"), ZoneOffset.UTC))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.getMessage()).contains("not supported"));
        assertThatThrownBy(() -> FhirSearch.count("many"))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.expression()).isEqualTo("_count"));
        assertThatThrownBy(() -> FhirSearch.reference("patient", "Group/" + UUID.randomUUID(), "Patient"))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.expression()).isEqualTo("patient"));
    }

    @Test
    void countIsCappedAndReferencesAcceptTheirForms() {
        assertThat(FhirSearch.count(null)).isEqualTo(FhirSearch.DEFAULT_COUNT);
        assertThat(FhirSearch.count("1000")).isEqualTo(FhirSearch.MAX_COUNT);
        UUID id = UUID.randomUUID();
        assertThat(FhirSearch.reference("patient", id.toString(), "Patient")).isEqualTo(id);
        assertThat(FhirSearch.reference("patient", "Patient/" + id, "Patient")).isEqualTo(id);
        assertThat(FhirSearch.reference("patient", "https://ehr.example/fhir/R4/Patient/" + id, "Patient")).isEqualTo(id);
    }

    @Test
    void tokensSplitSystemAndCode() {
        assertThat(FhirSearch.token("identifier", "http://hl7.org/fhir/sid/us-npi|1234567893"))
                .isEqualTo(new Token("http://hl7.org/fhir/sid/us-npi", "1234567893"));
        assertThat(FhirSearch.token("code", "44261-6")).isEqualTo(new Token(null, "44261-6"));
        assertThat(new Token("", "x").matches(null, "x")).as("|code means no system").isTrue();
        assertThat(new Token("", "x").matches("http://loinc.org", "x")).isFalse();
    }
}
