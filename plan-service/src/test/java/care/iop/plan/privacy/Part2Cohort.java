package care.iop.plan.privacy;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.START;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.PlanFixtures.put;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.testing.TestTokens;

/**
 * One patient per Part 2 case, made once for the matrix (one Quarkus start): published as PatientState events on
 * iop.participants, each with one active plan of one clinician (a modality switch and a review with reason text), and a
 * PHQ-9 that raised a safety flag. Consents name the recipient {@value #EHR_A} for TREATMENT.
 */
final class Part2Cohort {
    static final String EHR_A = "ehr-a";
    static final String EHR_B = "ehr-b";
    static final String SWITCH_REASON = "Matrix switch reason: clinical";
    static final String STATUS_REASON = "Matrix status reason: clinical";
    static final String REVIEW_SUMMARY = "Matrix review: cravings down";
    static final String ALERT_WEEK = "2026-W50";

    /** The patients of the matrix. */
    enum Case {
        /** ADULT_MH, plan with F32.1: not Part 2. */
        NOT_PART2(false, "ADULT_MH", "F32.1", false),
        /** ADULT_SUD, no consent. */
        SUD_TRACK(true, "ADULT_SUD", "F32.1", false),
        /** ADULT_MH (the participant event says not Part 2), plan with F10.20: Part 2 by diagnosis, no consent. */
        SUD_DIAGNOSIS(true, "ADULT_MH", "F10.20", false),
        /** ADULT_SUD with a consent for ehr-a, TREATMENT, unexpired. */
        CONSENTED(true, "ADULT_SUD", "F32.1", true),
        /** ADULT_MH, plan with F11.20 (Part 2 by diagnosis), with a consent for ehr-a. */
        CONSENTED_DIAGNOSIS(true, "ADULT_MH", "F11.20", true),
        /** ADULT_SUD whose consent for ehr-a was revoked by a later event. */
        REVOKED(true, "ADULT_SUD", "F32.1", true),
        /** ADULT_SUD whose consent for ehr-a expired yesterday (the event still carries it). */
        EXPIRED(true, "ADULT_SUD", "F32.1", true);

        final boolean part2;
        final String track;
        final String problem;
        final boolean consent;

        Case(boolean part2, String track, String problem, boolean consent) {
            this.part2 = part2;
            this.track = track;
            this.problem = problem;
            this.consent = consent;
        }
    }

    /** One case's records. */
    record Records(UUID patientId, String planId, UUID consentId, String assessmentId, String flagId) {
    }

    private static Part2Cohort instance;

    final UUID clinicianId;
    final Map<Case, Records> records = new EnumMap<>(Case.class);

    private Part2Cohort(PlanFixtures fixtures) {
        clinicianId = fixtures.clinician();
        for (Case c : Case.values()) {
            records.put(c, seed(fixtures, c));
        }
    }

    /** Made on first use, then shared by every test of the module's JVM. */
    static synchronized Part2Cohort get(String bootstrap, DataSource ds) {
        if (instance == null) {
            instance = new Part2Cohort(new PlanFixtures(bootstrap, ds));
        }
        return instance;
    }

    Records of(Case c) {
        return records.get(c);
    }

    private Records seed(PlanFixtures fixtures, Case c) {
        UUID patient = UUID.randomUUID();
        UUID consent = c.consent ? UUID.randomUUID() : null;
        LocalDate expires = c == Case.EXPIRED ? PlanFixtures.today().minusDays(1) : PlanFixtures.today().plusDays(60);
        EventFixtures.PatientBuilder builder = EventFixtures.patient(patient).track(c.track);
        if (consent != null) {
            builder.disclosureConsent(consent, EHR_A, List.of("TREATMENT"), expires);
        }
        fixtures.register(builder.build());

        String plan = post("clinician", PLANS, planBody(patient, c.problem)).statusCode(201).extract().path("id");
        PlanFixtures.signCurrentVersion(plan);
        put("clinician", PLANS + "/" + plan + "/status", "{\"status\":\"active\",\"reason\":\"" + STATUS_REASON + "\"}").statusCode(200);
        post("clinician", PLANS + "/" + plan + "/modality-changes", "{\"modality\":" + modality(3, 60, 6, 0)
                + ",\"reason\":\"" + SWITCH_REASON + "\",\"effectiveFrom\":\"2026-12-07\"}").statusCode(201);
        post("clinician", PLANS + "/" + plan + "/reviews", "{\"summary\":\"" + REVIEW_SUMMARY + "\",\"decision\":\"CONTINUE\",\"reviewedOn\":\""
                + START + "\"}").statusCode(201);
        var assessment = post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + patient + "\",\"instrument\":\"PHQ9\","
                + "\"answers\":[2,2,1,1,1,1,1,1,1],\"takenAt\":\"2026-12-01T15:00:00Z\"}").statusCode(201).extract();
        post("clinician", "/api/v1/safety-plans", "{\"patientId\":\"" + patient + "\",\"warningSigns\":[\"Not sleeping\"],"
                + "\"internalCopingStrategies\":[],\"peopleAndPlacesForDistraction\":[],\"peopleToAskForHelp\":[],"
                + "\"professionalsAndCrisisLines\":[],\"makingTheEnvironmentSafe\":[],\"reasonsForLiving\":[\"My daughter\"]}").statusCode(201);

        if (c == Case.REVOKED) {
            fixtures.patientEvent(EventTypes.PATIENT_CONSENT_REVOKED, EventFixtures.patient(patient).track(c.track).version(2).build());
        }
        return new Records(patient, plan, consent, assessment.path("id"), assessment.path("safetyFlagId"));
    }

    private String planBody(UUID patient, String problem) {
        return "{\"patientId\":\"" + patient + "\",\"primaryClinicianId\":\"" + clinicianId + "\",\"levelOfCare\":\"2.1\","
                + "\"startDate\":\"" + START + "\",\"durationWeeks\":12,\"reviewIntervalDays\":30,"
                + "\"problems\":[{\"code\":\"" + problem + "\",\"display\":\"Matrix problem\"}],"
                + "\"goals\":[{\"description\":\"Matrix goal\",\"measure\":{\"instrument\":\"PHQ9\",\"target\":5}}],"
                + "\"modality\":" + modality(1, 50, 8.5, 0) + ",\"rationale\":\"Matrix rationale\"}";
    }

    /** A token of {@code role} with a subject of its own (so a test finds exactly its audit rows) and further claims. */
    static String token(String role, String subject, UUID patientId, Map<String, Object> claims) {
        return "Bearer " + TestTokens.mint(role, subject, patientId, claims);
    }
}
