package care.iop.plan.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import care.iop.plan.fhir.mapping.QuestionnaireResponseMapper;
import care.iop.plan.fhir.mapping.QuestionnaireResponseReader;
import care.iop.plan.fhir.mapping.QuestionnaireResponseReader.Recording;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.problem.ProblemException;

/** What a QuestionnaireResponse sent to record a score becomes, and each refusal naming its element. */
class QuestionnaireResponseReaderTest {

    /** What the mapper writes is what the reader reads: the same patient, instrument, answers and time. */
    @Test
    void readsWhatTheMapperWrites() {
        for (var assessment : FhirSamples.assessments()) {
            Recording recording = QuestionnaireResponseReader.read(QuestionnaireResponseMapper.toFhir(assessment));

            assertThat(recording.patientId()).isEqualTo(assessment.patientId);
            assertThat(recording.instrument()).isEqualTo(assessment.instrument);
            assertThat(recording.answers()).isEqualTo(assessment.answers);
            assertThat(recording.takenAt().toInstant()).isEqualTo(assessment.takenAt.toInstant());
        }
    }

    @Test
    void itemsMayComeInAnyOrderAndAnAbsoluteSubjectOrAVersionedQuestionnaireIsFine() {
        QuestionnaireResponse response = phq9();
        java.util.Collections.reverse(response.getItem());
        response.setSubject(new Reference("https://ehr.example/fhir/R4/Patient/" + FhirSamples.PATIENT));
        response.setQuestionnaire("http://loinc.org/q/44249-1|2.74");

        Recording recording = QuestionnaireResponseReader.read(response);

        assertThat(recording.answers()).containsExactly(1, 2, 0, 1, 1, 0, 2, 1, 1);
        assertThat(recording.answerPaths().get(0)).isEqualTo("QuestionnaireResponse.item[8].answer[0].value");
        assertThat(recording.expression("answers[0]")).isEqualTo("QuestionnaireResponse.item[8].answer[0].value");
        assertThat(recording.expression("answers")).isEqualTo("QuestionnaireResponse.item");
        assertThat(recording.expression("takenAt")).isEqualTo("QuestionnaireResponse.authored");
        assertThat(recording.expression("patientId")).isEqualTo("QuestionnaireResponse.subject");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "no status;400;QuestionnaireResponse.status",
            "in progress;422;QuestionnaireResponse.status",
            "unknown questionnaire;422;QuestionnaireResponse.questionnaire",
            "no questionnaire;422;QuestionnaireResponse.questionnaire",
            "no subject;422;QuestionnaireResponse.subject",
            "subject not a patient;422;QuestionnaireResponse.subject.reference",
            "subject not a uuid;422;QuestionnaireResponse.subject.reference",
            "no authored;422;QuestionnaireResponse.authored",
            "authored a day;422;QuestionnaireResponse.authored",
            "unknown linkId;422;QuestionnaireResponse.item[3].linkId",
            "item twice;422;QuestionnaireResponse.item[9].linkId",
            "missing item;422;QuestionnaireResponse.item",
            "string answer;422;QuestionnaireResponse.item[2].answer",
            "two answers;422;QuestionnaireResponse.item[2].answer",
            "no answer;422;QuestionnaireResponse.item[2].answer",
            "sub-item;422;QuestionnaireResponse.item[2].item" })
    void refusalsNameTheElement(String change, int status, String expression) {
        QuestionnaireResponse response = phq9();
        CHANGES.get(change).accept(response);

        assertThatThrownBy(() -> QuestionnaireResponseReader.read(response)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(status);
            assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(expression));
        });
    }

    private static final java.util.Map<String, Consumer<QuestionnaireResponse>> CHANGES = java.util.Map.ofEntries(
            java.util.Map.entry("no status", r -> r.setStatus(null)),
            java.util.Map.entry("in progress", r -> r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS)),
            java.util.Map.entry("unknown questionnaire", r -> r.setQuestionnaire("http://loinc.org/q/11111-1")),
            java.util.Map.entry("no questionnaire", r -> r.setQuestionnaire(null)),
            java.util.Map.entry("no subject", r -> r.setSubject(null)),
            java.util.Map.entry("subject not a patient", r -> r.setSubject(new Reference("Group/" + FhirSamples.PATIENT))),
            java.util.Map.entry("subject not a uuid", r -> r.setSubject(new Reference("Patient/123"))),
            java.util.Map.entry("no authored", r -> r.setAuthoredElement(null)),
            java.util.Map.entry("authored a day", r -> r.setAuthoredElement(new DateTimeType("2026-12-01"))),
            java.util.Map.entry("unknown linkId", r -> r.getItem().get(3).setLinkId("10")),
            java.util.Map.entry("item twice", r -> r.addItem().setLinkId("1").addAnswer().setValue(new IntegerType(0))),
            java.util.Map.entry("missing item", r -> r.getItem().remove(4)),
            java.util.Map.entry("string answer", r -> r.getItem().get(2).getAnswerFirstRep().setValue(new StringType("0"))),
            java.util.Map.entry("two answers", r -> r.getItem().get(2).addAnswer().setValue(new IntegerType(1))),
            java.util.Map.entry("no answer", r -> r.getItem().get(2).setAnswer(List.of())),
            java.util.Map.entry("sub-item", r -> r.getItem().get(2).addItem().setLinkId("2.1")));

    @Test
    void aMissingItemIsNamed() {
        QuestionnaireResponse response = phq9();
        response.getItem().remove(4);
        response.getItem().remove(6);

        assertThatThrownBy(() -> QuestionnaireResponseReader.read(response)).hasMessageContaining("missing: 5, 8");
    }

    private static QuestionnaireResponse phq9() {
        return QuestionnaireResponseMapper.toFhir(FhirSamples.assessments().stream().filter(a -> a.instrument == Instrument.PHQ9)
                .findFirst().orElseThrow());
    }
}
