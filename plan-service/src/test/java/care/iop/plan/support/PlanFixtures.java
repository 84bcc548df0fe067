package care.iop.plan.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import care.iop.events.PatientState;
import care.iop.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

/** Registers participants through real events and drives the plan API as a clinician. */
public final class PlanFixtures {
    public static final String PLANS = "/api/v1/plans";
    public static final String START = "2026-11-30";
    /** The program's time zone (iop.program.time-zone), in which the service counts days. */
    public static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");

    /** Today as the service sees it. */
    public static LocalDate today() {
        return LocalDate.now(PROGRAM_ZONE);
    }

    private final EventFixtures events;
    private final DataSource ds;

    public PlanFixtures(String bootstrap, DataSource ds) {
        this.events = EventFixtures.on(bootstrap);
        this.ds = ds;
    }

    public EventFixtures events() {
        return events;
    }

    /** Publishes the patient's registration and waits until plan-service knows it. */
    public PatientState register(PatientState patient) {
        events.patientRegistered(patient);
        ReadModelProbe.awaitPatient(ds, patient.patientId(), patient.version());
        return patient;
    }

    /** Publishes a later patient event and waits for its version. */
    public PatientState patientEvent(String type, PatientState patient) {
        events.patientEvent(type, patient);
        ReadModelProbe.awaitPatient(ds, patient.patientId(), patient.version());
        return patient;
    }

    /** A registered, active clinician. */
    public UUID clinician() {
        UUID id = UUID.randomUUID();
        events.clinicianRegistered(EventFixtures.clinician(id));
        ReadModelProbe.awaitClinician(ds, id, 1);
        return id;
    }

    /** A registered default patient (adult, comfortable, group consent) and clinician: {patientId, clinicianId}. */
    public UUID[] patientAndClinician() {
        UUID patient = register(EventFixtures.patient(UUID.randomUUID()).build()).patientId();
        return new UUID[] { patient, clinician() };
    }

    public static String modality(int individualSessions, int individualMinutes, double groupHours, int familySessions) {
        return "{\"individualSessionsPerWeek\":" + individualSessions + ",\"individualSessionMinutes\":" + individualMinutes
                + ",\"groupHoursPerWeek\":" + groupHours + ",\"familySessionsPerWeek\":" + familySessions + "}";
    }

    /** A create body; {@code modalityJson} null leaves the modality out, {@code extra} is appended fields (",\"x\":1"). */
    public static String planBody(UUID patientId, UUID clinicianId, String modalityJson, String extra) {
        return "{\"patientId\":\"" + patientId + "\",\"primaryClinicianId\":\"" + clinicianId + "\",\"levelOfCare\":\"2.1\","
                + "\"startDate\":\"" + START + "\",\"durationWeeks\":12,\"reviewIntervalDays\":30,"
                + "\"problems\":[{\"code\":\"F32.1\",\"display\":\"Major depressive disorder, single episode, moderate\"}],"
                + "\"goals\":[{\"description\":\"Reduce depressive symptoms\",\"measure\":{\"instrument\":\"PHQ9\",\"target\":9,\"dueDate\":\"2027-02-20\"}}]"
                + (modalityJson == null ? "" : ",\"modality\":" + modalityJson)
                + ",\"rationale\":\"Comfortable in groups\"" + (extra == null ? "" : extra) + "}";
    }

    public static ValidatableResponse post(String role, String path, String body) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body(body)
                .when().post(path).then();
    }

    public static ValidatableResponse put(String role, String path, String body) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body(body)
                .when().put(path).then();
    }

    public static ValidatableResponse get(String role, String path) {
        return given().header("Authorization", TestTokens.bearer(role)).when().get(path).then();
    }

    /** A draft plan (1 x 50 min individual + 8.5 h group = 9.33 h) for a fresh patient and clinician; returns its id. */
    public String draftPlan() {
        UUID[] ids = patientAndClinician();
        return createPlan(ids[0], ids[1], modality(1, 50, 8.5, 0));
    }

    public String createPlan(UUID patientId, UUID clinicianId, String modalityJson) {
        return post("clinician", PLANS, planBody(patientId, clinicianId, modalityJson, null)).statusCode(201).extract().path("id");
    }

    /**
     * Signs the plan's current version in every role it still lacks: the patient (or an adolescent's guardian) in person,
     * recorded by a clinician, and the author with the primary clinician's own token ({@code clinician_id}). A co-signer
     * needs a licensed clinician: tests that need one sign themselves.
     */
    public static void signCurrentVersion(String planId) {
        io.restassured.path.json.JsonPath plan = get("admin", PLANS + "/" + planId).statusCode(200).extract().jsonPath();
        int version = plan.getInt("currentVersion");
        String signatures = PLANS + "/" + planId + "/versions/" + version + "/signatures";
        for (String role : plan.<String>getList("pendingSignatures")) {
            switch (role) {
                case "patient", "guardian" -> post("clinician", signatures,
                        "{\"role\":\"" + role + "\",\"method\":\"in-person\",\"signerName\":\"Test Signer\"}").statusCode(201);
                case "author" -> given().header("Authorization", "Bearer " + TestTokens.clinician(UUID.fromString(plan.getString("primaryClinicianId"))))
                        .contentType("application/json").body("{\"role\":\"author\",\"method\":\"electronic\"}")
                        .when().post(signatures).then().statusCode(201);
                default -> throw new IllegalStateException("The fixture cannot sign as " + role);
            }
        }
    }

    /** Signs the current version (see {@link #signCurrentVersion}) and activates the plan. */
    public static ValidatableResponse activate(String planId) {
        signCurrentVersion(planId);
        return changeStatus(planId, "active");
    }

    public static ValidatableResponse changeStatus(String planId, String status) {
        return put("clinician", PLANS + "/" + planId + "/status", "{\"status\":\"" + status + "\",\"reason\":\"test\"}");
    }
}
