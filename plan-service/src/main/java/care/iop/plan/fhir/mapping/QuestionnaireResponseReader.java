package care.iop.plan.fhir.mapping;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import care.iop.plan.outcomes.domain.Instrument;
import care.iop.platform.problem.ProblemException;

/**
 * Reads a QuestionnaireResponse sent to record a score into what the assessment service takes: the patient (subject),
 * the instrument (the questionnaire, {@link InstrumentCodes#questionnaire()}), the answers in item order (items
 * {@code linkId} "1".."n", one integer answer each) and when it was taken (authored). The shape is checked here, each
 * refusal naming the element's FHIRPath (400 for what base FHIR requires, 422 for what recording requires); the answers'
 * values are the service's to check ({@link Recording#expression} names their element).
 */
public final class QuestionnaireResponseReader {
    private static final Pattern PATIENT = Pattern.compile("(?:.*/)?Patient/([0-9a-fA-F-]{36})");
    private static final String ROOT = "QuestionnaireResponse";

    /** What to record, and the FHIRPath of each answer's value (by its index in {@code answers}). */
    public record Recording(UUID patientId, Instrument instrument, List<Integer> answers, OffsetDateTime takenAt, List<String> answerPaths) {

        /**
         * The FHIRPath of a field the assessment service names ({@code answers}, {@code answers[i]}, {@code takenAt},
         * {@code patientId}), so that its refusals point into the resource that was sent.
         */
        public String expression(String field) {
            Matcher answer = Pattern.compile("answers\\[(\\d+)]").matcher(field);
            if (answer.matches()) {
                int index = Integer.parseInt(answer.group(1));
                return index < answerPaths.size() ? answerPaths.get(index) : ROOT + ".item";
            }
            return switch (field) {
                case "answers" -> ROOT + ".item";
                case "takenAt" -> ROOT + ".authored";
                case "patientId" -> ROOT + ".subject";
                case "instrument" -> ROOT + ".questionnaire";
                default -> ROOT;
            };
        }
    }

    private QuestionnaireResponseReader() {
    }

    public static Recording read(QuestionnaireResponse response) {
        if (!response.hasStatus()) {
            throw ProblemException.invalidField(ROOT + ".status", "is required");
        }
        if (response.getStatus() != QuestionnaireResponseStatus.COMPLETED) {
            throw ProblemException.ruleViolation(ROOT + ".status", "must be completed to record a score, not "
                    + response.getStatus().toCode());
        }
        Instrument instrument = InstrumentCodes.byQuestionnaire(response.getQuestionnaire()).map(InstrumentCodes::instrument)
                .orElseThrow(() -> ProblemException.ruleViolation(ROOT + ".questionnaire", "must be one of "
                        + Arrays.stream(InstrumentCodes.values()).map(c -> c.questionnaire() + " (" + c.instrument().displayName() + ")")
                        .collect(Collectors.joining(", "))));
        UUID patientId = patient(response);
        OffsetDateTime takenAt = authored(response);
        Integer[] answers = new Integer[instrument.items()];
        String[] paths = new String[instrument.items()];
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String path = ROOT + ".item[" + i + "]";
            int index = index(item.getLinkId(), instrument, path);
            if (answers[index] != null) {
                throw ProblemException.ruleViolation(path + ".linkId", "item " + item.getLinkId() + " is answered twice");
            }
            if (item.hasItem()) {
                throw ProblemException.ruleViolation(path + ".item", "the instrument's items have no sub-items");
            }
            if (item.getAnswer().size() != 1 || !item.getAnswerFirstRep().hasValueIntegerType()) {
                throw ProblemException.ruleViolation(path + ".answer", "needs exactly one answer, an integer (valueInteger)");
            }
            answers[index] = item.getAnswerFirstRep().getValueIntegerType().getValue();
            paths[index] = path + ".answer[0].value";
        }
        List<Integer> missing = IntStream.range(0, answers.length).filter(i -> answers[i] == null).map(i -> i + 1).boxed().toList();
        if (!missing.isEmpty()) {
            throw ProblemException.ruleViolation(ROOT + ".item", instrument.displayName() + " needs an answer to each of its "
                    + instrument.items() + " items (linkId 1 to " + instrument.items() + "); missing: "
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return new Recording(patientId, instrument, Arrays.asList(answers), takenAt, List.of(paths));
    }

    private static UUID patient(QuestionnaireResponse response) {
        String reference = response.getSubject().getReference();
        if (reference == null) {
            throw ProblemException.ruleViolation(ROOT + ".subject", "must reference the patient (Patient/<id>)");
        }
        Matcher matcher = PATIENT.matcher(reference);
        try {
            if (matcher.matches()) {
                return UUID.fromString(matcher.group(1));
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: refused below
        }
        throw ProblemException.ruleViolation(ROOT + ".subject.reference", "must be Patient/<id> of a known patient, not " + reference);
    }

    private static OffsetDateTime authored(QuestionnaireResponse response) {
        if (!response.hasAuthored()) {
            throw ProblemException.ruleViolation(ROOT + ".authored", "is required: when the questionnaire was answered");
        }
        if (response.getAuthoredElement().getPrecision().ordinal() < TemporalPrecisionEnum.SECOND.ordinal()) {
            throw ProblemException.ruleViolation(ROOT + ".authored", "must be a date and time with a time zone, not only a day");
        }
        return response.getAuthored().toInstant().atOffset(ZoneOffset.UTC);
    }

    private static int index(String linkId, Instrument instrument, String path) {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < instrument.items(); i++) {
            known.add(QuestionnaireResponseMapper.linkId(i));
        }
        int index = known.indexOf(linkId);
        if (index < 0) {
            throw ProblemException.ruleViolation(path + ".linkId", instrument.displayName() + " has items 1 to " + instrument.items()
                    + "; no item " + linkId);
        }
        return index;
    }
}
