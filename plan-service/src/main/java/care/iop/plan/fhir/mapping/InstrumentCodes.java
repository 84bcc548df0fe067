package care.iop.plan.fhir.mapping;

import java.util.Arrays;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import care.iop.plan.outcomes.domain.Instrument;

/**
 * The LOINC codes of each instrument in FHIR: the total score (the Observation's code) and the panel, whose LOINC
 * questionnaire ({@code http://loinc.org/q/<panel>}) a QuestionnaireResponse answers. Kept here rather than in
 * {@link Instrument}, which names only the total scores its own API uses (none for DAST-10).
 */
public enum InstrumentCodes {
    PHQ9(Instrument.PHQ9, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", "44249-1"),
    GAD7(Instrument.GAD7, "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]", "69737-5"),
    AUDIT(Instrument.AUDIT, "75624-7", "Total score [AUDIT]", "72110-0"),
    DAST10(Instrument.DAST10, "82667-7", "Total score [DAST-10]", "82666-9");

    public static final String LOINC = "http://loinc.org";
    /** The canonical of a LOINC panel's questionnaire, followed by the panel code. */
    public static final String QUESTIONNAIRE_BASE = "http://loinc.org/q/";

    private final Instrument instrument;
    private final String total;
    private final String totalDisplay;
    private final String panel;

    InstrumentCodes(Instrument instrument, String total, String totalDisplay, String panel) {
        this.instrument = instrument;
        this.total = total;
        this.totalDisplay = totalDisplay;
        this.panel = panel;
    }

    public Instrument instrument() {
        return instrument;
    }

    public String total() {
        return total;
    }

    public String panel() {
        return panel;
    }

    public String questionnaire() {
        return QUESTIONNAIRE_BASE + panel;
    }

    /** The total score's code: LOINC with its display, and the instrument's name as text. */
    public CodeableConcept totalConcept() {
        return new CodeableConcept(new Coding(LOINC, total, totalDisplay)).setText(instrument.displayName() + " total score");
    }

    public static InstrumentCodes of(Instrument instrument) {
        return Arrays.stream(values()).filter(c -> c.instrument == instrument).findFirst().orElseThrow();
    }

    /** The instrument whose total score has this LOINC code. */
    public static Optional<InstrumentCodes> byTotal(String code) {
        return Arrays.stream(values()).filter(c -> c.total.equals(code)).findFirst();
    }

    /** The instrument whose questionnaire this canonical names ({@code http://loinc.org/q/44249-1}, a {@code |version} ignored). */
    public static Optional<InstrumentCodes> byQuestionnaire(String canonical) {
        if (canonical == null) {
            return Optional.empty();
        }
        int bar = canonical.indexOf('|');
        String url = bar < 0 ? canonical : canonical.substring(0, bar);
        return Arrays.stream(values()).filter(c -> c.questionnaire().equals(url)).findFirst();
    }
}
