package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.asPatient;
import static care.iop.participant.Api.assertProblem;
import static care.iop.participant.Api.patientBody;
import static care.iop.participant.Api.uniqueMrn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import care.iop.platform.privacy.Disclosure;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * 42 CFR Part 2 and minimum necessary, for every endpoint of participant-service that answers patient data: each
 * endpoint x each role x each consent situation of the patient. Program staff and the patient (own record) see a
 * Part 2 patient as their role allows; an {@code integration} client ("ehr-a", purpose TREATMENT) sees a non-Part 2
 * patient normally, a Part 2 patient only with a matching consent (then with the re-disclosure notice and an audit
 * row naming recipient and consent); otherwise a read is a 404 audited as DENIED with the reason, a search leaves
 * the patient out of items and total.
 */
@QuarkusTest
class Part2MatrixTest {
    static final String ADMIN = "admin";
    static final String CLINICIAN = "clinician";
    static final String SCHEDULER = "scheduler";
    static final String INTEGRATION = "integration";
    static final String PATIENT = "patient";
    static final List<String> ROLES = List.of(ADMIN, CLINICIAN, SCHEDULER, INTEGRATION, PATIENT);
    static final String CONSIDERATIONS = "prefers evening groups";
    /** Every shared fixture's family name starts with it, so a name search finds exactly those. */
    static final String FAMILY = "Ptwo" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** The family name of the fixtures made for one call (writes that change the patient). */
    static final String FRESH = "Pone" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    /** The patient's situation, as seen by the integration client ehr-a asking for TREATMENT. */
    enum Case {
        NOT_PART2(null), NO_CONSENT(Disclosure.NO_CONSENT), MATCHING(null), REVOKED(Disclosure.NO_CONSENT),
        EXPIRED(Disclosure.EXPIRED), OTHER_RECIPIENT(Disclosure.WRONG_RECIPIENT), PURPOSE_NOT_COVERED(Disclosure.PURPOSE_NOT_COVERED);

        /** The DENIED reason for the integration client, or null when it is answered. */
        final String reason;

        Case(String reason) {
            this.reason = reason;
        }

        /** The client identity of the integration caller: ehr-b for the consent naming another recipient. */
        String client() {
            return this == OTHER_RECIPIENT ? "ehr-b" : "ehr-a";
        }
    }

    /** A patient in one situation: its PART2_DISCLOSURE consent (if any) and a TELEHEALTH consent (for revoke calls). */
    record Fixture(Case situation, UUID id, String mrn, String family, String track, UUID disclosureConsent, UUID telehealthConsent) {
        String path() {
            return PATIENTS + "/" + id;
        }

        String body() {
            return patientBody(mrn, family, "2026-01-05", track);
        }
    }

    record Endpoint(String name, String auditType, int success, Set<String> roles, boolean list, boolean freshPatient,
                    BiFunction<RequestSpecification, Fixture, Response> call) {
        @Override
        public String toString() {
            return name;
        }

        boolean showsConsiderations() {
            return name.contains("preferences");
        }
    }

    static final Set<String> STAFF_AND_INTEGRATION = Set.of(ADMIN, CLINICIAN, SCHEDULER, INTEGRATION);
    static final Set<String> STAFF = Set.of(ADMIN, CLINICIAN, SCHEDULER);
    static final Set<String> STAFF_AND_PATIENT = Set.of(ADMIN, CLINICIAN, SCHEDULER, PATIENT);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /patients/{id}", "Patient", 200, Set.of(ADMIN, CLINICIAN, SCHEDULER, INTEGRATION, PATIENT), false, false,
                    (r, f) -> r.get(f.path())),
            new Endpoint("GET /patients?identifier=", "Patient", 200, STAFF_AND_INTEGRATION, true, false,
                    (r, f) -> r.queryParam("identifier", Api.MRN + "|" + f.mrn()).get(PATIENTS)),
            new Endpoint("PUT /patients/{id}", "Patient", 200, STAFF_AND_INTEGRATION, false, false,
                    (r, f) -> r.header("If-Match", "*").body(f.body()).put(f.path())),
            new Endpoint("POST /patients/{id}/discharge", "Patient", 200, STAFF_AND_INTEGRATION, false, true,
                    (r, f) -> r.body("{\"reason\":\"Completed\",\"date\":\"2026-02-20\"}").post(f.path() + "/discharge")),
            new Endpoint("GET /patients/{id}/preferences", "PatientPreferences", 200, STAFF_AND_PATIENT, false, false,
                    (r, f) -> r.get(f.path() + "/preferences")),
            new Endpoint("PUT /patients/{id}/preferences", "PatientPreferences", 200, STAFF, false, true,
                    (r, f) -> r.body("{\"groupComfort\":\"COMFORTABLE\",\"preferredModality\":\"GROUP\"}").put(f.path() + "/preferences")),
            new Endpoint("GET /patients/{id}/preferences/history", "PreferenceHistory", 200, STAFF_AND_PATIENT, false, false,
                    (r, f) -> r.get(f.path() + "/preferences/history")),
            new Endpoint("GET /patients/{id}/consents", "Consent", 200, STAFF_AND_PATIENT, false, false,
                    (r, f) -> r.get(f.path() + "/consents")),
            new Endpoint("POST /patients/{id}/consents", "Consent", 201, STAFF, false, true,
                    (r, f) -> r.body("{\"kind\":\"GROUP_PARTICIPATION\",\"signedOn\":\"2026-01-05\"}").post(f.path() + "/consents")),
            new Endpoint("POST /patients/{id}/consents/{consentId}/revoke", "Consent", 200, STAFF, false, true,
                    (r, f) -> r.body("{}").post(f.path() + "/consents/" + f.telehealthConsent() + "/revoke")));

    private static final Map<Case, Fixture> SHARED = new EnumMap<>(Case.class);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "iop.program.time-zone")
    ZoneId zone;

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream().flatMap(e -> ROLES.stream().flatMap(role -> Stream.of(Case.values()).map(c -> Arguments.of(e, role, c))));
    }

    @ParameterizedTest(name = "{0} as {1}, {2}")
    @MethodSource("matrix")
    void everyEndpointEveryRoleEveryConsentSituation(Endpoint endpoint, String role, Case situation) {
        boolean changesThePatient = endpoint.freshPatient() && endpoint.roles().contains(role);
        Fixture fixture = changesThePatient ? create(situation, FRESH) : shared(situation);
        String requestId = "part2-" + UUID.randomUUID();
        Response response = endpoint.call().apply(caller(role, situation).header("X-Request-Id", requestId).when(), fixture);

        if (!endpoint.roles().contains(role)) {
            assertProblem(response.then(), 403, null);
            assertNoSuccessAudited(requestId);
        } else if (INTEGRATION.equals(role) && situation.reason != null) {
            refused(endpoint, fixture, response, requestId);
        } else {
            answered(endpoint, role, fixture, response, requestId);
        }
    }

    @Test
    void searchesLeaveOutPart2PatientsWithoutConsentFromItemsAndTotalAndAuditEachPatient() {
        Map<Case, UUID> ids = new EnumMap<>(Case.class);
        for (Case c : Case.values()) {
            ids.put(c, shared(c).id());
        }
        List<String> part2 = Stream.of(Case.values()).filter(c -> c != Case.NOT_PART2).map(c -> ids.get(c).toString()).toList();

        String staff = "part2-list-" + UUID.randomUUID();
        Response all = as(ADMIN).header("X-Request-Id", staff).queryParam("track", "ADULT_SUD").queryParam("name", FAMILY).when().get(PATIENTS);
        all.then().statusCode(200);
        assertThat(all.jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(part2);
        assertThat(all.jsonPath().getInt("total")).isEqualTo(6);
        assertThat(all.getHeader("Part2-Notice")).isNull();
        // One audit row per patient of the answer.
        assertThat(auditRows(staff, "action = 'SEARCH' and outcome = 'SUCCESS'")).isEqualTo(6);
        assertThat(Db.count(ds, "select count(distinct patient_id) from audit_event where request_id = ?", staff)).isEqualTo(6);

        String external = "part2-list-" + UUID.randomUUID();
        Response consented = integration("ehr-a").header("X-Request-Id", external).queryParam("track", "ADULT_SUD").queryParam("name", FAMILY)
                .when().get(PATIENTS);
        consented.then().statusCode(200);
        // ehr-a holds a matching consent of MATCHING and of OTHER_RECIPIENT (whose consent names ehr-a, not ehr-b).
        assertThat(consented.jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrder(ids.get(Case.MATCHING).toString(), ids.get(Case.OTHER_RECIPIENT).toString());
        assertThat(consented.jsonPath().getInt("total")).isEqualTo(2);
        assertThat(consented.getHeader("Part2-Notice")).isEqualTo(PrivacyConfig.NOTICE);
        assertThat(consented.jsonPath().getString("part2Notice")).isEqualTo(PrivacyConfig.NOTICE);
        assertThat(auditRows(external, "outcome = 'SUCCESS'")).isEqualTo(2);
        for (Case c : List.of(Case.MATCHING, Case.OTHER_RECIPIENT)) {
            assertThat(auditRows(external, "outcome = 'SUCCESS' and patient_id = ? and recipient = 'ehr-a' and consent_id = ?",
                    ids.get(c), shared(c).disclosureConsent())).isEqualTo(1);
        }

        Response otherClient = integration("ehr-b").queryParam("track", "ADULT_SUD").queryParam("name", FAMILY).when().get(PATIENTS);
        otherClient.then().statusCode(200);
        assertThat(otherClient.jsonPath().getList("items")).isEmpty();
        assertThat(otherClient.jsonPath().getInt("total")).isZero();
        assertThat(otherClient.getHeader("Part2-Notice")).isNull();

        // Without the track filter, for ehr-b: the non-Part 2 patient only; for ehr-a the total counts no other, also across pages.
        Response other = integration("ehr-b").queryParam("name", FAMILY).when().get(PATIENTS);
        assertThat(other.jsonPath().getList("items.id", String.class)).containsExactly(ids.get(Case.NOT_PART2).toString());
        assertThat(other.jsonPath().getInt("total")).isEqualTo(1);
        assertThat(other.getHeader("Part2-Notice")).isNull();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Response one = integration("ehr-a").queryParam("name", FAMILY).queryParam("size", 1).queryParam("page", page).when().get(PATIENTS);
            assertThat(one.jsonPath().getInt("total")).isEqualTo(3);
            paged.addAll(one.jsonPath().getList("items.id", String.class));
        }
        assertThat(paged).containsExactlyInAnyOrder(ids.get(Case.NOT_PART2).toString(), ids.get(Case.MATCHING).toString(),
                ids.get(Case.OTHER_RECIPIENT).toString());

        as(SCHEDULER).queryParam("name", FAMILY).when().get(PATIENTS).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(7));
    }

    @Test
    void aCreateByAnIntegrationIsNoDisclosureButItsLaterReadsNeedConsent() {
        String requestId = "part2-create-" + UUID.randomUUID();
        Response created = integration("ehr-a").header("X-Request-Id", requestId)
                .body(patientBody(uniqueMrn(), FRESH, null, "ADULT_SUD")).when().post(PATIENTS);
        created.then().statusCode(201);
        assertThat(created.getHeader("Part2-Notice")).isNull();
        assertThat(created.jsonPath().getString("part2Notice")).isNull();
        UUID id = UUID.fromString(created.jsonPath().getString("id"));
        assertThat(auditRows(requestId, "action = 'CREATE' and outcome = 'SUCCESS' and patient_id = ? and recipient = 'ehr-a' and consent_id is null",
                id)).isEqualTo(1);
        assertProblem(integration("ehr-a").when().get(PATIENTS + "/" + id).then(), 404, null);
    }

    @Test
    void aDuplicateIdentifierConflictNamesOnlyAPatientTheCallerMaySee() {
        Fixture hidden = shared(Case.NO_CONSENT);
        Fixture consented = shared(Case.MATCHING);
        Fixture plain = shared(Case.NOT_PART2);

        Response refused = integration("ehr-a").body(patientBody(hidden.mrn(), FRESH, null, "ADULT_MH")).when().post(PATIENTS);
        assertProblem(refused.then(), 409, null);
        assertThat(refused.jsonPath().getString("detail")).isEqualTo("Identifier urn:example:mrn|" + hidden.mrn() + " already names another patient");
        assertThat(refused.jsonPath().getString("conflictsWith")).isNull();
        assertThat(refused.asString()).doesNotContain(hidden.id().toString());

        assertThat(integration("ehr-a").body(patientBody(consented.mrn(), FRESH, null, "ADULT_MH")).when().post(PATIENTS)
                .then().statusCode(409).extract().jsonPath().getString("conflictsWith")).isEqualTo(consented.path());
        assertThat(integration("ehr-a").body(patientBody(plain.mrn(), FRESH, null, "ADULT_MH")).when().post(PATIENTS)
                .then().statusCode(409).extract().jsonPath().getString("conflictsWith")).isEqualTo(plain.path());
        assertThat(as(SCHEDULER).body(patientBody(hidden.mrn(), FRESH, null, "ADULT_MH")).when().post(PATIENTS)
                .then().statusCode(409).extract().jsonPath().getString("conflictsWith")).isEqualTo(hidden.path());

        // An update taking the identifier of a patient the caller may not see: the same 409 without the link.
        String body = """
                {"identifiers":[{"system":"urn:example:mrn","value":"%s"},{"system":"urn:example:mrn","value":"%s"}],
                 "givenName":"Ana","familyName":"%s","birthDate":"1990-04-02","track":"ADULT_MH","levelOfCare":"2.1",
                 "admissionDate":"2026-01-05"}""".formatted(plain.mrn(), hidden.mrn(), plain.family());
        Response update = integration("ehr-a").header("If-Match", "*").body(body).when().put(plain.path());
        assertProblem(update.then(), 409, null);
        assertThat(update.jsonPath().getString("conflictsWith")).isNull();
        assertThat(Db.count(ds, "select count(*) from patient_identifier where patient_id = ?", plain.id())).isEqualTo(1);
    }

    private static RequestSpecification integration(String client) {
        return given().contentType("application/json").header("Authorization", "Bearer " + TestTokens.mint(INTEGRATION, client, null,
                Map.of("azp", client, "purpose_of_use", "TREATMENT")));
    }

    /** Without a matching consent: a read is 404 audited as DENIED with the reason and the caller; a list leaves the patient out. */
    private void refused(Endpoint endpoint, Fixture fixture, Response response, String requestId) {
        Case situation = fixture.situation();
        assertThat(response.getHeader("Part2-Notice")).isNull();
        if (endpoint.list()) {
            response.then().statusCode(200);
            JsonPath body = response.jsonPath();
            assertThat(body.getList("items")).isEmpty();
            assertThat(body.getInt("total")).isZero();
            assertThat(body.getString("part2Notice")).isNull();
            assertThat(auditRows(requestId, "patient_id = ?", fixture.id())).isZero();
        } else {
            assertProblem(response.then(), 404, null);
            assertThat(auditRows(requestId, "outcome = 'DENIED' and patient_id = ? and reason = ? and recipient = ? and resource_type = 'Patient'",
                    fixture.id(), situation.reason, situation.client())).isEqualTo(1);
            assertNoSuccessAudited(requestId);
            assertThat(Db.count(ds, "select count(*) from outbox where request_id = ?", requestId)).isZero();
            assertThat(Db.count(ds, "select count(*) from patient where id = ? and status = 'DISCHARGED'", fixture.id())).isZero();
        }
    }

    /** Answered as the role allows; to the integration client a Part 2 patient only with its consent, notice and attributed audit row. */
    private void answered(Endpoint endpoint, String role, Fixture fixture, Response response, String requestId) {
        response.then().statusCode(endpoint.success());
        JsonPath body = response.jsonPath();
        if (endpoint.list()) {
            assertThat(body.getInt("total")).isEqualTo(1);
            assertThat(body.getList("items.id", String.class)).containsExactly(fixture.id().toString());
        }
        boolean disclosure = INTEGRATION.equals(role) && fixture.situation() == Case.MATCHING;
        if (disclosure) {
            assertThat(response.getHeader("Part2-Notice")).isEqualTo(PrivacyConfig.NOTICE);
            assertThat(body.getString("part2Notice")).isEqualTo(PrivacyConfig.NOTICE);
            assertThat(auditRows(requestId, "outcome = 'SUCCESS' and patient_id = ? and recipient = 'ehr-a' and consent_id = ?",
                    fixture.id(), fixture.disclosureConsent())).isEqualTo(1);
        } else {
            assertThat(response.getHeader("Part2-Notice")).isNull();
            if (response.getContentType().contains("json") && body.get("$") instanceof Map) {
                assertThat(body.getString("part2Notice")).isNull();
            }
            assertThat(auditRows(requestId, "outcome = 'SUCCESS' and patient_id = ? and resource_type = ? and consent_id is null",
                    fixture.id(), endpoint.auditType())).isEqualTo(1);
            if (INTEGRATION.equals(role)) {
                assertThat(auditRows(requestId, "outcome = 'SUCCESS' and recipient = 'ehr-a'")).isEqualTo(1);
            }
        }
        if (endpoint.showsConsiderations()) {
            minimumNecessary(endpoint, role, body);
        }
    }

    /** considerations (and its history) for admin, clinician and the patient; left out for a scheduler. */
    private static void minimumNecessary(Endpoint endpoint, String role, JsonPath body) {
        String path = endpoint.name().endsWith("history") ? "items[-1].after" : "$";
        Map<String, Object> preferences = body.getMap(path);
        if (SCHEDULER.equals(role)) {
            assertThat(preferences).doesNotContainKey("considerations");
        } else if (endpoint.name().startsWith("GET")) {
            assertThat(preferences).containsEntry("considerations", CONSIDERATIONS);
        }
    }

    private RequestSpecification caller(String role, Case situation) {
        return switch (role) {
            case PATIENT -> asPatient(shared(situation).id());
            case INTEGRATION -> integration(situation.client());
            default -> as(role);
        };
    }

    private long auditRows(String requestId, String condition, Object... args) {
        List<Object> params = new ArrayList<>();
        params.add(requestId);
        params.addAll(List.of(args));
        return Db.count(ds, "select count(*) from audit_event where request_id = ? and " + condition, params.toArray());
    }

    private void assertNoSuccessAudited(String requestId) {
        assertThat(auditRows(requestId, "outcome = 'SUCCESS'")).isZero();
    }

    private Fixture shared(Case situation) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(situation, c -> create(c, FAMILY + c.ordinal()));
        }
    }

    /**
     * A patient in {@code situation} with considerations recorded by a clinician and a TELEHEALTH consent. The
     * expired consent is granted valid (the API refuses a past expiry) and then dated yesterday in the database.
     */
    Fixture create(Case situation, String family) {
        String mrn = uniqueMrn();
        String track = situation == Case.NOT_PART2 ? "ADULT_MH" : "ADULT_SUD";
        UUID id = UUID.fromString(as(ADMIN).body(patientBody(mrn, family, "2026-01-05", track))
                .when().post(PATIENTS).then().statusCode(201).extract().path("id"));
        String path = PATIENTS + "/" + id;
        as(CLINICIAN).body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\",\"considerations\":\"" + CONSIDERATIONS + "\"}")
                .when().put(path + "/preferences").then().statusCode(200);
        UUID telehealth = UUID.fromString(as(ADMIN).body("{\"kind\":\"TELEHEALTH\",\"signedOn\":\"2026-01-05\"}")
                .when().post(path + "/consents").then().statusCode(201).extract().path("id"));
        UUID disclosure = switch (situation) {
            case NOT_PART2, NO_CONSENT -> null;
            case PURPOSE_NOT_COVERED -> grant(path, "PAYMENT", "2999-01-01");
            case EXPIRED -> grant(path, "TREATMENT", LocalDate.now(zone).plusDays(30).toString());
            default -> grant(path, "TREATMENT", "2999-01-01");
        };
        if (situation == Case.REVOKED) {
            as(ADMIN).when().post(path + "/consents/" + disclosure + "/revoke").then().statusCode(200);
        }
        if (situation == Case.EXPIRED) {
            assertThat(Db.update(ds, "update consent set expires_on = ? where id = ?", LocalDate.now(zone).minusDays(1), disclosure)).isEqualTo(1);
        }
        return new Fixture(situation, id, mrn, family, track, disclosure, telehealth);
    }

    private static UUID grant(String patientPath, String purpose, String expiresOn) {
        return UUID.fromString(as(ADMIN).body("""
                        {"kind":"PART2_DISCLOSURE","signedOn":"2026-01-05","expiresOn":"%s","recipient":"EHR A",
                         "recipientId":"ehr-a","purposes":["%s"]}""".formatted(expiresOn, purpose))
                .when().post(patientPath + "/consents").then().statusCode(201).extract().path("id"));
    }
}
