package care.iop.fhir;

import care.iop.platform.problem.FieldError;
import care.iop.platform.problem.Problem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomesAndVersionsTest {

    @Test
    void aProblemBecomesOneIssuePerFieldWithItsExpression() {
        Problem problem = new Problem(URI.create("https://iop.care/problems/validation-error"), "Invalid request", 400,
                "birthDate: must be in the past", "/fhir/R4/Patient",
                List.of(new FieldError("birthDate", "must be in the past"), new FieldError("name[0].family", "must not be blank")),
                "req-1", null);
        OperationOutcome outcome = OperationOutcomes.of(problem);
        assertThat(outcome.getIssue()).hasSize(2);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.INVALID);
        assertThat(outcome.getIssue().get(1).getExpression().get(0).getValue()).isEqualTo("name[0].family");
    }

    @Test
    void aRefusalWithoutFieldsKeepsItsDetailAndStatusCode() {
        Problem full = new Problem(URI.create("https://iop.care/problems/conflict"), "Conflict", 409, "The group is full",
                null, null, null, null);
        OperationOutcome outcome = OperationOutcomes.of(full);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.CONFLICT);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("The group is full");
        assertThat(OperationOutcomes.codeFor(422)).isEqualTo(IssueType.PROCESSING);
        assertThat(OperationOutcomes.codeFor(404)).isEqualTo(IssueType.NOTFOUND);
    }

    @Test
    void ifMatchNamesTheVersion() {
        assertThat(FhirVersions.etag(3)).isEqualTo("W/\"3\"");
        FhirVersions.requireMatch(null, 3);
        FhirVersions.requireMatch("W/\"3\"", 3);
        FhirVersions.requireMatch("\"3\"", 3);
        assertThatThrownBy(() -> FhirVersions.requireMatch("W/\"2\"", 3))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> FhirVersions.requireMatch("yesterday", 3))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
