package care.iop.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates FHIR resources against the R4 specification and the US Core 6.1 profiles, with HAPI's
 * {@link FhirInstanceValidator} fed by the US Core package kept beside the checkout ({@code ../shared/fhir}, or the
 * file named by the system property {@value #PACKAGE_PROPERTY}). Errors always count; warnings count unless
 * {@link #TOLERATED} lists them with the reason. A fresh clone without the package skips these checks with a message
 * ({@link #assumeAvailable()}), never fails on it.
 */
public final class FhirValidation {
    public static final String PACKAGE_FILE = "hl7.fhir.us.core-6.1.0.tgz";
    public static final String PACKAGE_PROPERTY = "iop.fhir.us-core-package";
    public static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";

    /**
     * A warning we accept and why, matched on {@code <location>: <message>} (e.g. {@code Goal.description: No code provided,
     * ...}; line breaks as spaces), so an entry may name the element it is about.
     */
    public record Tolerated(Pattern message, String reason) {
    }

    /** The one list of accepted warnings. Add an entry only with the reason a reviewer can check. */
    public static final List<Tolerated> TOLERATED = List.of(
            new Tolerated(Pattern.compile(".*Constraint failed: dom-6.*"),
                    "dom-6 (best practice: a narrative): we send data, not narrative; EHRs render their own views"),
            new Tolerated(Pattern.compile(".*(Unknown [Cc]ode|is not known|could not be validated|Unable to validate code|"
                    + "Code System URI .* is unknown|unable to find|A definition for CodeSystem).*(loinc|snomed|nucc|"
                    + "icd|cpt|hcpcs|nlm|ama-assn|cdc\\.gov|ietf|urn:oid|urn:ietf).*"),
                    "codes of external terminologies (LOINC, SNOMED CT, NUCC, CPT/HCPCS, race and ethnicity, BCP-47) that this "
                            + "offline validator has no copy of; the codes we send are fixed in our mappers and named in docs/fhir.md"),
            new Tolerated(Pattern.compile(".*(None of the codings provided are in the value set|The Coding provided .* is not in "
                    + "the value set|is not in the value set).*(preferred|extensible|example).*"),
                    "bindings of strength preferred/extensible/example to value sets expanded from external terminologies"),
            new Tolerated(Pattern.compile(".*part2-redisclosure-notice.*"),
                    "our own extension carrying the 42 CFR 2.32 re-disclosure notice on meta of Part 2 records (docs/fhir.md)"),
            new Tolerated(Pattern.compile(".*(ValueSet .* not found|Unable to resolve the value set|value set .* could not be found).*"),
                    "value sets defined outside US Core and R4 (VSAC) that this offline validator has no copy of"),
            new Tolerated(Pattern.compile(".*(Unable to expand ValueSet|CodeSystem is unknown and can't be validated).*(loinc\\.org|"
                    + "ama-assn\\.org/go/cpt|snomed\\.info/sct|nucc\\.org|cdc\\.gov|urn:oid).*"),
                    "LOINC, CPT, SNOMED CT, NUCC and CDC race/ethnicity are external terminologies this offline validator has no "
                            + "copy of, so it can neither expand their value sets nor check a code (as HAPI 8.8 words it)"),
            new Tolerated(Pattern.compile(".*None of the codings provided are in the value set 'US Core Encounter Type'"
                    + ".*\\(codes = (http://www\\.ama-assn\\.org/go/cpt|http://snomed\\.info/sct)#\\d+\\)"),
                    "follows from the above: US Core Encounter Type includes every CPT code and the SNOMED CT descendants of "
                            + "308335008 (extensible binding), which the validator cannot expand"),
            new Tolerated(Pattern.compile(".*meta\\.security.*The Coding provided \\(http://terminology\\.hl7\\.org/CodeSystem/"
                    + "v3-ActCode#(42CFRPart2|ETH|NORDSCLCD)\\) was not found in the value set 'SecurityLabels'.*"),
                    "the Part 2 labels (Part2Labels): 42CFRPart2 (ActPrivacyLaw), ETH and NORDSCLCD are v3 ActCodes of the R4 "
                            + "security-labels value set (extensible), which the offline in-memory expansion does not reach"),
            new Tolerated(Pattern.compile(".*\\.description: No code provided, and a code should be provided from the value set "
                    + "'US Core Goal Codes' \\(http://hl7\\.org/fhir/us/core/ValueSet/us-core-goal-description(\\|[0-9.]+)?\\)"),
                    "Goal.description is the clinician's free text (CodeableConcept.text); the binding is extensible and its value "
                            + "set is SNOMED CT, which has no code for the individual goal a clinician words with the patient"),
            new Tolerated(Pattern.compile(".*: The questionnaire 'http://loinc\\.org/q/[0-9]+-[0-9]' could not be resolved, so no "
                    + "validation can be performed against the base questionnaire"),
                    "QuestionnaireResponse.questionnaire names the LOINC panel's questionnaire (e.g. PHQ-9 44249-1); LOINC's "
                            + "questionnaires are not in the offline R4 and US Core packages, so its items cannot be checked here"));

    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** Skips the calling test, with the reason, when the US Core package is not beside the checkout. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(usCorePackage().isPresent(),
                "US Core package " + PACKAGE_FILE + " not found in ../shared/fhir (nor -D" + PACKAGE_PROPERTY
                        + "): FHIR profile validation skipped");
    }

    /** The US Core package file: the system property, else {@code shared/fhir} beside any ancestor of the working dir. */
    public static Optional<Path> usCorePackage() {
        String configured = System.getProperty(PACKAGE_PROPERTY);
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fhir").resolve(PACKAGE_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The US Core package itself, e.g. to read {@code CapabilityStatement-us-core-server}. */
    public static NpmPackage usCore() {
        assumeAvailable();
        try (InputStream in = Files.newInputStream(usCorePackage().orElseThrow())) {
            return NpmPackage.fromPackage(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + PACKAGE_FILE, e);
        }
    }

    /**
     * The problems of {@code resource} against R4 and the given profiles (full URLs): errors, and warnings not in
     * {@link #TOLERATED}, each as {@code SEVERITY location: message}. Empty when valid. Skips the test when the package
     * is missing.
     */
    public static List<String> validate(IBaseResource resource, String... profiles) {
        ValidationOptions options = new ValidationOptions();
        for (String profile : profiles) {
            options.addProfile(profile);
        }
        List<String> problems = new ArrayList<>();
        // HAPI finds its StAX implementation through the context class loader; validate with this class's loader so the
        // lookup is the same whichever test (a Quarkus test sets its own loader) ran before.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(FhirValidation.class.getClassLoader());
        List<SingleValidationMessage> messages;
        try {
            messages = validator().validateWithResult(resource, options).getMessages();
        } finally {
            thread.setContextClassLoader(previous);
        }
        for (SingleValidationMessage message : messages) {
            boolean counts = message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL
                    || (message.getSeverity() == ResultSeverityEnum.WARNING
                            && !tolerated(message.getLocationString() + ": " + message.getMessage()));
            if (counts) {
                problems.add(message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage());
            }
        }
        return problems;
    }

    /** Whether {@link #TOLERATED} lists a warning, given as {@code <location>: <message>}. */
    static boolean tolerated(String locatedMessage) {
        return TOLERATED.stream().anyMatch(t -> t.message().matcher(locatedMessage.replace('\n', ' ')).matches());
    }

    private static synchronized FhirValidator validator() {
        assumeAvailable();
        if (validator == null) {
            FhirContext context = FhirContext.forR4();
            NpmPackageValidationSupport usCore = new NpmPackageValidationSupport(context);
            NpmPackage npm = usCore();
            var folder = npm.getFolders().get("package");
            try {
                for (String name : folder.listFiles()) {
                    if (name.endsWith(".json") && !name.equals("package.json") && !name.startsWith(".")) {
                        String json = new String(folder.fetchFile(name), StandardCharsets.UTF_8);
                        if (json.contains("\"resourceType\"")) {
                            usCore.addResource(context.newJsonParser().parseResource(json));
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + PACKAGE_FILE, e);
            }
            ValidationSupportChain chain = new ValidationSupportChain(usCore,
                    new DefaultProfileValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context));
            FhirValidator v = context.newValidator();
            v.registerValidatorModule(new FhirInstanceValidator(chain));
            validator = v;
        }
        return validator;
    }
}
