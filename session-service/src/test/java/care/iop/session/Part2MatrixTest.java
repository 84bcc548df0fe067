package care.iop.session;

import static care.iop.session.Fixtures.book;
import static care.iop.session.Fixtures.createSession;
import static care.iop.session.Fixtures.futureMorning;
import static care.iop.session.Fixtures.group;
import static care.iop.session.Fixtures.groupConsent;
import static care.iop.session.Fixtures.individual;
import static care.iop.session.Fixtures.part2Consent;
import static care.iop.session.Fixtures.startedAnHourAgo;
import static care.iop.testing.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.testing.TestTokens;
import care.iop.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * 42 CFR Part 2 x role x endpoint (PRIVACY-SPEC, docs/security.md): every endpoint of session-service that answers patient
 * data, for program staff, a patient and external callers, with patients that are not Part 2, Part 2 by track, Part 2 by
 * a Part 2 plan of an ADULT_MH patient, with a matching consent (by track and by plan), a revoked one, an expired one, one
 * for another recipient and one whose purposes do not cover the request. Patients, consents and plans come from events.
 */
@QuarkusTest
class Part2MatrixTest {
    static final String NOTICE = PrivacyConfig.NOTICE;
    static final String GROUP_NOTE = "Covered relapse triggers";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Fixtures fx;

    /** The patients and sessions of the whole class, made once (the module has one Quarkus start). */
    static World world;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(bootstrap, ds);
        if (world == null) {
            world = World.build(fx);
        }
    }

    /** How a patient came to be (or not be) Part 2, and which disclosure consent it has. */
    enum Kind {
        NOT_PART2, PART2_BY_TRACK, PART2_BY_PLAN, CONSENTED, CONSENTED_BY_PLAN, REVOKED, EXPIRED;

        String track() {
            return this == NOT_PART2 || byPlan() ? "ADULT_MH" : "ADULT_SUD";
        }

        boolean byPlan() {
            return this == PART2_BY_PLAN || this == CONSENTED_BY_PLAN;
        }

        boolean part2() {
            return this != NOT_PART2;
        }
    }

    /** An external caller: its client identity (azp) and the purpose its token states (null: the default, TREATMENT). */
    enum Caller {
        EHR_A("ehr-a", null), EHR_B("ehr-b", null), EHR_A_FOR_PAYMENT("ehr-a", "PAYMENT");

        final String recipient;
        final String purpose;

        Caller(String recipient, String purpose) {
            this.recipient = recipient;
            this.purpose = purpose;
        }

        String token() {
            Map<String, Object> claims = new HashMap<>(Map.of("azp", recipient));
            if (purpose != null) {
                claims.put("purpose_of_use", purpose);
            }
            return "Bearer " + TestTokens.mint("integration", recipient, null, claims);
        }
    }

    enum Outcome {
        SHOWN, SHOWN_WITH_NOTICE, HIDDEN
    }

    record Case(Kind kind, Caller caller, Outcome outcome, String reason) {
        @Override
        public String toString() {
            return kind + " to " + caller + " -> " + outcome + (reason == null ? "" : " " + reason);
        }
    }

    static final List<Case> EXTERNAL_CASES = List.of(
            new Case(Kind.NOT_PART2, Caller.EHR_A, Outcome.SHOWN, null),
            new Case(Kind.NOT_PART2, Caller.EHR_B, Outcome.SHOWN, null),
            new Case(Kind.PART2_BY_TRACK, Caller.EHR_A, Outcome.HIDDEN, Disclosure.NO_CONSENT),
            new Case(Kind.PART2_BY_PLAN, Caller.EHR_A, Outcome.HIDDEN, Disclosure.NO_CONSENT),
            new Case(Kind.CONSENTED, Caller.EHR_A, Outcome.SHOWN_WITH_NOTICE, null),
            new Case(Kind.CONSENTED_BY_PLAN, Caller.EHR_A, Outcome.SHOWN_WITH_NOTICE, null),
            new Case(Kind.REVOKED, Caller.EHR_A, Outcome.HIDDEN, Disclosure.NO_CONSENT),
            new Case(Kind.EXPIRED, Caller.EHR_A, Outcome.HIDDEN, Disclosure.EXPIRED),
            new Case(Kind.CONSENTED, Caller.EHR_B, Outcome.HIDDEN, Disclosure.WRONG_RECIPIENT),
            new Case(Kind.CONSENTED, Caller.EHR_A_FOR_PAYMENT, Outcome.HIDDEN, Disclosure.PURPOSE_NOT_COVERED));

    /** Every endpoint of session-service that answers patient data (the writes answer program staff only). */
    enum Endpoint {
        /** GET /api/v1/sessions/{id} of an INDIVIDUAL session: the patient's record (404 when hidden). */
        SESSION(true),
        /** GET /api/v1/session-series/{id} of an INDIVIDUAL series (404 when hidden). */
        SERIES(true),
        /** GET /api/v1/schedules/patients/{id} (404 when hidden). */
        PATIENT_SCHEDULE(true),
        /** GET /api/v1/sessions?patientId=: a search about one patient finds nothing when hidden (and the refusal is audited). */
        SESSIONS_BY_PATIENT(true),
        /** GET /api/v1/sessions?clinicianId=: the patient's sessions left out of the items and the total. */
        SESSIONS_BY_CLINICIAN(false),
        /** GET /api/v1/schedules/clinicians/{id}: the patient's individual sessions left out. */
        CLINICIAN_SCHEDULE(false),
        /** GET /api/v1/sessions/{id}/participants of a group: the member left out. */
        ROSTER(false),
        /** GET /api/v1/sessions/{id}/attendance of a group (shared by every patient of the class): the attendee left out. */
        ATTENDANCE(false),
        /** GET /api/v1/sessions/{id} of a group: shown to everyone, with its counts. */
        GROUP_SESSION(false);

        /** True when a refusal is a read about this one patient: audited as DENIED with the reason. */
        final boolean aboutOnePatient;

        Endpoint(boolean aboutOnePatient) {
            this.aboutOnePatient = aboutOnePatient;
        }

        String path(Subject s, World w) {
            String window = "?from=" + LocalDate.now(Fixtures.ZONE) + "&to=" + LocalDate.now(Fixtures.ZONE).plusDays(365);
            return switch (this) {
                case SESSION -> "/api/v1/sessions/" + s.session();
                case SERIES -> "/api/v1/session-series/" + s.series();
                case PATIENT_SCHEDULE -> "/api/v1/schedules/patients/" + s.patient() + window;
                case SESSIONS_BY_PATIENT -> "/api/v1/sessions?size=50&patientId=" + s.patient();
                case SESSIONS_BY_CLINICIAN -> "/api/v1/sessions?size=50&clinicianId=" + s.clinician();
                case CLINICIAN_SCHEDULE -> "/api/v1/schedules/clinicians/" + s.clinician() + window;
                case ROSTER -> "/api/v1/sessions/" + s.group() + "/participants";
                case ATTENDANCE -> "/api/v1/sessions/" + w.attended + "/attendance";
                case GROUP_SESSION -> "/api/v1/sessions/" + s.group();
            };
        }

        /** True when the answer is a JSON object (the notice is in its body too); a roster is an array. */
        boolean objectBody() {
            return this != ROSTER;
        }
    }

    /** One patient of a kind and its records: an individual session and series and a group, each with clinician {@code clinician}. */
    record Subject(Kind kind, UUID patient, UUID consentId, UUID clinician, String session, String series, String seriesOccurrence,
                   String group) {
    }

    /** Every subject, plus a group where all of them are booked or waitlisted and a group whose attendance was recorded. */
    static final class World {
        final Map<Kind, Subject> subjects = new EnumMap<>(Kind.class);
        /** Capacity 3, booked in {@link #MIXED_ORDER}: the first three BOOKED, the others WAITLISTED in that order. */
        String mixed;
        /** Started an hour ago; everyone ATTENDED, with a group note and a note per attendee. */
        String attended;

        static World build(Fixtures fx) {
            World w = new World();
            for (Kind kind : Kind.values()) {
                w.subjects.put(kind, subject(fx, kind));
            }
            w.mixed = createSession(group(fx.groupLeader(), futureMorning(), 60, 3));
            w.attended = createSession(group(fx.groupLeader(), startedAnHourAgo(), 120, 10));
            List<Map<String, Object>> attendees = new ArrayList<>();
            MIXED_ORDER.forEach(kind -> book(w.mixed, w.subjects.get(kind).patient()).statusCode(201));
            for (Kind kind : Kind.values()) {
                UUID patient = w.subjects.get(kind).patient();
                book(w.attended, patient).statusCode(201);
                attendees.add(Map.of("patientId", patient.toString(), "status", "ATTENDED", "minutesAttended", 60, "note", note(kind)));
            }
            given().header("Authorization", Fixtures.auth("clinician")).contentType("application/json")
                    .body(Fixtures.json(Map.of("groupNote", GROUP_NOTE, "attendees", attendees)))
                    .when().put("/api/v1/sessions/" + w.attended + "/attendance").then().statusCode(200);
            return w;
        }

        private static Subject subject(Fixtures fx, Kind kind) {
            UUID patient = UUID.randomUUID();
            LocalDate today = LocalDate.now(Fixtures.ZONE);
            List<PatientState.ConsentSummary> consents = new ArrayList<>(List.of(groupConsent(null)));
            PatientState.ConsentSummary disclosure = switch (kind) {
                case CONSENTED, CONSENTED_BY_PLAN, REVOKED -> part2Consent("ehr-a", List.of("TREATMENT"), today.plusDays(30));
                case EXPIRED -> part2Consent("ehr-a", List.of("TREATMENT"), today.minusDays(1));
                default -> null;
            };
            if (disclosure != null) {
                consents.add(disclosure);
            }
            fx.patient(patient, EventTypes.PATIENT_REGISTERED, "ACTIVE", kind.track(), consents);
            UUID plan = UUID.randomUUID();
            fx.plan(plan, patient, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED, null, kind.byPlan());
            if (kind.byPlan()) {
                // the label is sticky: a later plan event saying false (a problem removed) does not take it back
                fx.plan(plan, patient, EventTypes.PLAN_UPDATED, "active", Fixtures.MIXED, null, false);
            }
            if (kind == Kind.PART2_BY_PLAN) {
                // nor does a later patient event of the ADULT_MH track (labelled false)
                fx.patient(patient, EventTypes.PATIENT_UPDATED, "ACTIVE", kind.track(), consents);
            }
            if (kind == Kind.PART2_BY_TRACK) {
                // a patient once in the SUD track stays labelled after a move to another track
                fx.patient(patient, EventTypes.PATIENT_UPDATED, "ACTIVE", "ADULT_MH", consents);
            }
            if (kind == Kind.REVOKED) {
                fx.patient(patient, EventTypes.PATIENT_CONSENT_REVOKED, "ACTIVE", kind.track(), List.of(groupConsent(null)));
            }
            UUID clinician = fx.groupLeader();
            String session = createSession(individual("INDIVIDUAL", clinician, patient, futureMorning(), 53));
            OffsetDateTime seriesDay = futureMorning();
            Map<String, Object> series = Map.of("type", "INDIVIDUAL", "clinicianId", clinician.toString(), "patientId", patient.toString(),
                    "daysOfWeek", List.of(seriesDay.getDayOfWeek().name()), "startTime", "09:00", "durationMinutes", 53,
                    "from", seriesDay.toLocalDate().toString(), "count", 1, "location", "TELEHEALTH");
            Response created = Fixtures.post("scheduler", "/api/v1/session-series", series).statusCode(201).extract().response();
            String group = createSession(group(clinician, futureMorning(), 60, null));
            book(group, patient).statusCode(201);
            return new Subject(kind, patient, disclosure == null ? null : disclosure.consentId(), clinician, session,
                    created.path("id"), created.path("occurrences[0].id"), group);
        }

        Subject subject(Kind kind) {
            return subjects.get(kind);
        }
    }

    /** Booked first, then waitlisted: the consented members at waitlist positions 2 and 4, between members hidden from ehr-a. */
    static final List<Kind> MIXED_ORDER = List.of(Kind.PART2_BY_TRACK, Kind.NOT_PART2, Kind.PART2_BY_PLAN, Kind.REVOKED, Kind.CONSENTED,
            Kind.EXPIRED, Kind.CONSENTED_BY_PLAN);

    static String note(Kind kind) {
        return "Attendee note " + kind;
    }

    // ---------------------------------------------------------------------------------------------------- the matrix

    static Stream<Arguments> externalCases() {
        return Arrays.stream(Endpoint.values()).flatMap(e -> EXTERNAL_CASES.stream().map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("externalCases")
    void anExternalCallerGetsAPart2PatientsRecordsOnlyWithAMatchingConsent(Endpoint endpoint, Case c) {
        Subject s = world.subject(c.kind());
        String requestId = "part2-" + UUID.randomUUID();
        Response response = given().header("Authorization", c.caller().token()).header("X-Request-Id", requestId)
                .when().get(endpoint.path(s, world)).then().extract().response();
        boolean shown = c.outcome() != Outcome.HIDDEN;
        assertAnswer(endpoint, response, s, shown, false);

        boolean notice = switch (endpoint) {
            case GROUP_SESSION -> false;
            // the shared attendance also shows ehr-a the members who consented to it
            case ATTENDANCE -> c.caller() == Caller.EHR_A;
            default -> c.outcome() == Outcome.SHOWN_WITH_NOTICE;
        };
        assertNotice(endpoint, response, notice);

        List<Map<String, Object>> audit = fx.rows("select outcome, reason, recipient, consent_id from audit_event where request_id = ? and patient_id = ?",
                requestId, s.patient());
        if (endpoint == Endpoint.GROUP_SESSION) {
            assertThat(audit).as("a group session is nobody's record").isEmpty();
        } else if (shown) {
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0)).containsEntry("outcome", "SUCCESS").containsEntry("recipient", c.caller().recipient)
                    .containsEntry("consent_id", c.outcome() == Outcome.SHOWN_WITH_NOTICE ? s.consentId() : null)
                    .containsEntry("reason", null);
        } else if (endpoint.aboutOnePatient) {
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0)).containsEntry("outcome", "DENIED").containsEntry("reason", c.reason())
                    .containsEntry("recipient", c.caller().recipient).containsEntry("consent_id", null);
        } else {
            assertThat(audit).as("a member left out of a list is not recorded as disclosed").isEmpty();
        }
    }

    static Stream<Arguments> staffCases() {
        return Arrays.stream(Endpoint.values()).flatMap(e -> Stream.of("admin", "clinician", "scheduler").map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("staffCases")
    void programStaffSeePart2PatientsForTreatmentWithoutNotice(Endpoint endpoint, String role) {
        for (Kind kind : List.of(Kind.PART2_BY_TRACK, Kind.PART2_BY_PLAN)) {
            Subject s = world.subject(kind);
            String requestId = "staff-" + UUID.randomUUID();
            Response response = given().header("Authorization", Fixtures.auth(role)).header("X-Request-Id", requestId)
                    .when().get(endpoint.path(s, world)).then().extract().response();
            assertAnswer(endpoint, response, s, true, !"scheduler".equals(role));
            assertNotice(endpoint, response, false);
            List<Map<String, Object>> audit = fx.rows("select outcome, recipient, consent_id from audit_event where request_id = ? and patient_id = ?",
                    requestId, s.patient());
            if (endpoint != Endpoint.GROUP_SESSION) {
                assertThat(audit).hasSize(1);
                assertThat(audit.get(0)).containsEntry("outcome", "SUCCESS").containsEntry("recipient", null).containsEntry("consent_id", null);
            }
        }
    }

    /** Status and content of one answer; {@code notes}: the attendance carries its free-text notes. */
    private void assertAnswer(Endpoint endpoint, Response r, Subject s, boolean shown, boolean notes) {
        String patient = s.patient().toString();
        switch (endpoint) {
            case SESSION -> {
                if (shown) {
                    r.then().statusCode(200).body("id", equalTo(s.session())).body("patientId", equalTo(patient));
                } else {
                    notFound(r, "Session " + s.session());
                }
            }
            case SERIES -> {
                if (shown) {
                    r.then().statusCode(200).body("id", equalTo(s.series())).body("patientId", equalTo(patient))
                            .body("occurrences.id", containsInAnyOrder(s.seriesOccurrence()));
                } else {
                    notFound(r, "Session series " + s.series());
                }
            }
            case PATIENT_SCHEDULE -> {
                if (shown) {
                    r.then().statusCode(200).body("patientId", equalTo(patient)).body("entries.sessionId",
                            containsInAnyOrder(s.session(), s.seriesOccurrence(), s.group(), world.mixed, world.attended));
                } else {
                    notFound(r, "PatientSchedule " + patient);
                }
            }
            case SESSIONS_BY_PATIENT -> {
                r.then().statusCode(200);
                if (shown) {
                    r.then().body("total", equalTo(5))
                            .body("items.id", containsInAnyOrder(s.session(), s.seriesOccurrence(), s.group(), world.mixed, world.attended));
                } else {
                    r.then().body("total", equalTo(0)).body("items", empty());
                }
            }
            case SESSIONS_BY_CLINICIAN -> {
                r.then().statusCode(200);
                if (shown) {
                    r.then().body("total", equalTo(3)).body("items.id", containsInAnyOrder(s.session(), s.seriesOccurrence(), s.group()));
                } else {
                    r.then().body("total", equalTo(1)).body("items.id", containsInAnyOrder(s.group()));
                }
            }
            case CLINICIAN_SCHEDULE -> {
                r.then().statusCode(200);
                if (shown) {
                    r.then().body("sessions.id", containsInAnyOrder(s.session(), s.seriesOccurrence(), s.group()));
                } else {
                    r.then().body("sessions.id", containsInAnyOrder(s.group())).body("sessions[0].booked", equalTo(1));
                }
            }
            case ROSTER -> {
                r.then().statusCode(200);
                if (shown) {
                    r.then().body("patientId", containsInAnyOrder(patient)).body("[0].status", equalTo("BOOKED"));
                } else {
                    r.then().body("$", empty());
                }
            }
            case ATTENDANCE -> {
                r.then().statusCode(200).body("presentCount", equalTo(Kind.values().length))
                        .body("attendees.patientId", shown ? hasItem(patient) : not(hasItem(patient)));
                if (notes) {
                    r.then().body("groupNote", equalTo(GROUP_NOTE))
                            .body("attendees.find { it.patientId == '" + patient + "' }.note", equalTo(note(s.kind())));
                } else {
                    // minimum necessary: no free text for schedulers and external callers (the fields are absent)
                    r.then().body("groupNote", nullValue()).body("attendees.note", everyItem(nullValue()));
                    assertThat(r.asString()).doesNotContain("groupNote").doesNotContain("\"note\"").doesNotContain("Attendee note");
                }
            }
            case GROUP_SESSION -> r.then().statusCode(200).body("id", equalTo(s.group())).body("type", equalTo("GROUP"))
                    .body("booked", equalTo(1)).body("patientId", nullValue());
        }
    }

    /** Exactly as for a record that does not exist. */
    private static void notFound(Response r, String what) {
        r.then().statusCode(404).contentType("application/problem+json").body("detail", equalTo(what + " not found"));
    }

    private static void assertNotice(Endpoint endpoint, Response r, boolean expected) {
        if (expected) {
            assertThat(r.header("Part2-Notice")).isEqualTo(NOTICE);
            if (endpoint.objectBody()) {
                assertThat(r.jsonPath().getString("part2Notice")).isEqualTo(NOTICE);
            }
        } else {
            assertThat(r.header("Part2-Notice")).isNull();
            assertThat(r.asString()).doesNotContain("part2Notice");
        }
    }

    // ---------------------------------------------------------------------------------------------------- bulk answers

    @Test
    void aRosterShowsEachCallerTheMembersItMaySeeAndAuditsEachOneShown() {
        // admin: all seven, booked then waitlisted in order, one audit row per member
        String adminRequest = "roster-" + UUID.randomUUID();
        given().header("Authorization", Fixtures.auth("admin")).header("X-Request-Id", adminRequest)
                .when().get("/api/v1/sessions/" + world.mixed + "/participants").then().statusCode(200)
                .body("patientId", hasSize(7))
                .body("status", equalTo(List.of("BOOKED", "BOOKED", "BOOKED", "WAITLISTED", "WAITLISTED", "WAITLISTED", "WAITLISTED")));
        assertThat(auditedPatients(adminRequest)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Kind.values()).map(k -> world.subject(k).patient()).toList());
        given().header("Authorization", Fixtures.auth("scheduler")).when().get("/api/v1/sessions/" + world.mixed + "/participants").then()
                .statusCode(200).body("patientId", equalTo(MIXED_ORDER.stream().map(Part2MatrixTest::id).toList()));

        // ehr-a: the member who is not Part 2 and the two who consented to ehr-a; the others' places stay counted
        String ehrRequest = "roster-" + UUID.randomUUID();
        Response ehr = given().header("Authorization", Caller.EHR_A.token()).header("X-Request-Id", ehrRequest)
                .when().get("/api/v1/sessions/" + world.mixed + "/participants").then().statusCode(200).extract().response();
        ehr.then().body("patientId", equalTo(List.of(id(Kind.NOT_PART2), id(Kind.CONSENTED), id(Kind.CONSENTED_BY_PLAN))))
                .body("status", equalTo(List.of("BOOKED", "WAITLISTED", "WAITLISTED")))
                .body("waitlistPosition", equalTo(Arrays.asList(null, 2, 4)));
        assertThat(ehr.header("Part2-Notice")).isEqualTo(NOTICE);
        assertThat(auditedPatients(ehrRequest)).containsExactlyInAnyOrder(world.subject(Kind.NOT_PART2).patient(),
                world.subject(Kind.CONSENTED).patient(), world.subject(Kind.CONSENTED_BY_PLAN).patient());
        assertThat(fx.count("select count(*) from audit_event where request_id = ? and consent_id = ? and recipient = 'ehr-a'",
                ehrRequest, world.subject(Kind.CONSENTED).consentId())).isEqualTo(1);

        // ehr-b: only the member who is not Part 2, no notice; the session itself keeps its counts
        Response other = given().header("Authorization", Caller.EHR_B.token()).when().get("/api/v1/sessions/" + world.mixed + "/participants")
                .then().statusCode(200).body("patientId", equalTo(List.of(id(Kind.NOT_PART2)))).extract().response();
        assertThat(other.header("Part2-Notice")).isNull();
        given().header("Authorization", Caller.EHR_B.token()).when().get("/api/v1/sessions/" + world.mixed).then().statusCode(200)
                .body("booked", equalTo(3)).body("waitlisted", equalTo(4)).body("part2Notice", nullValue());
    }

    @Test
    void attendanceIsFilteredPerAttendeeNotesAreForClinicalStaffAndEachAttendeeShownIsAudited() {
        String path = "/api/v1/sessions/" + world.attended + "/attendance";
        List<UUID> everyone = Arrays.stream(Kind.values()).map(k -> world.subject(k).patient()).toList();
        for (String role : List.of("admin", "clinician")) {
            String request = "attendance-" + UUID.randomUUID();
            given().header("Authorization", Fixtures.auth(role)).header("X-Request-Id", request).when().get(path).then().statusCode(200)
                    .body("groupNote", equalTo(GROUP_NOTE)).body("attendees", hasSize(7)).body("attendees.note", not(hasItem(nullValue())));
            assertThat(auditedPatients(request)).as(role).containsExactlyInAnyOrderElementsOf(everyone);
        }
        String request = "attendance-" + UUID.randomUUID();
        String body = given().header("Authorization", Fixtures.auth("scheduler")).header("X-Request-Id", request).when().get(path).then()
                .statusCode(200).body("attendees", hasSize(7)).body("attendees.minutesAttended", everyItem(equalTo(60)))
                .body("attendees.billingCode", everyItem(equalTo("90853"))).extract().asString();
        assertThat(body).doesNotContain("groupNote").doesNotContain(GROUP_NOTE).doesNotContain("Attendee note");
        assertThat(auditedPatients(request)).containsExactlyInAnyOrderElementsOf(everyone);

        String ehrRequest = "attendance-" + UUID.randomUUID();
        String ehr = given().header("Authorization", Caller.EHR_A.token()).header("X-Request-Id", ehrRequest).when().get(path).then()
                .statusCode(200).header("Part2-Notice", NOTICE).body("part2Notice", equalTo(NOTICE)).body("presentCount", equalTo(7))
                .body("attendees.patientId", containsInAnyOrder(id(Kind.NOT_PART2), id(Kind.CONSENTED), id(Kind.CONSENTED_BY_PLAN)))
                .extract().asString();
        assertThat(ehr).doesNotContain(GROUP_NOTE).doesNotContain("Attendee note");
        assertThat(auditedPatients(ehrRequest)).containsExactlyInAnyOrder(world.subject(Kind.NOT_PART2).patient(),
                world.subject(Kind.CONSENTED).patient(), world.subject(Kind.CONSENTED_BY_PLAN).patient());
    }

    @Test
    void aPatientsOwnViewOfAGroupAndItsAgendaShowNoOtherMember() {
        Subject own = world.subject(Kind.CONSENTED);
        String token = "Bearer " + TestTokens.patient(own.patient());
        List<String> others = Arrays.stream(Kind.values()).filter(k -> k != Kind.CONSENTED).map(Part2MatrixTest::id).toList();

        String view = given().header("Authorization", token).when().get("/api/v1/sessions/" + world.mixed).then().statusCode(200)
                .body("bookingStatus", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(2)).extract().asString();
        String attended = given().header("Authorization", token).when().get("/api/v1/sessions/" + world.attended).then().statusCode(200)
                .body("bookingStatus", equalTo("BOOKED")).extract().asString();
        Endpoint schedule = Endpoint.PATIENT_SCHEDULE;
        Response agenda = given().header("Authorization", token).when().get(schedule.path(own, world)).then().statusCode(200)
                .body("entries", hasSize(5)).extract().response();
        for (String body : List.of(view, attended, agenda.asString())) {
            others.forEach(other -> assertThat(body).doesNotContain(other));
            assertThat(body).doesNotContain("\"booked\":").doesNotContain("\"waitlisted\":");
        }
        // a patient is inside the program as to its own records: no disclosure, no notice
        assertThat(agenda.header("Part2-Notice")).isNull();
        given().header("Authorization", token).when().get("/api/v1/sessions/" + world.subject(Kind.NOT_PART2).group()).then().statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------------- labels in events

    @Test
    void bookingAndAttendanceEventsCarryEachPatientsPart2Label() {
        ObjectMapper json = new ObjectMapper();
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> sessions = new TopicReader(bootstrap).readAll(Topics.SESSIONS);
            for (Kind kind : Kind.values()) {
                Subject s = world.subject(kind);
                for (String session : List.of(s.group(), s.session(), world.mixed)) {
                    List<JsonNode> bookings = new ArrayList<>();
                    for (ConsumerRecord<String, String> r : sessions) {
                        String type = header(r, "ce_type");
                        if (session.equals(r.key()) && (EventTypes.BOOKING_CONFIRMED.equals(type) || EventTypes.BOOKING_WAITLISTED.equals(type))) {
                            JsonNode event = json.readTree(r.value());
                            if (event.get("patientId").asText().equals(s.patient().toString())) {
                                bookings.add(event);
                            }
                        }
                    }
                    assertThat(bookings).as(kind + " in " + session).hasSize(1);
                    assertThat(bookings.get(0).get("part2").asBoolean()).as(kind + " in " + session).isEqualTo(kind.part2());
                }
            }
            List<ConsumerRecord<String, String>> attendance = sessions.stream().filter(r -> world.attended.equals(r.key()))
                    .filter(r -> EventTypes.ATTENDANCE_RECORDED.equals(header(r, "ce_type"))).toList();
            assertThat(attendance).hasSize(1);
            JsonNode attendees = json.readTree(attendance.get(0).value()).get("attendees");
            assertThat(attendees).hasSize(7);
            for (JsonNode attendee : attendees) {
                Kind kind = Arrays.stream(Kind.values()).filter(k -> id(k).equals(attendee.get("patientId").asText())).findFirst().orElseThrow();
                assertThat(attendee.get("part2").isBoolean()).isTrue();
                assertThat(attendee.get("part2").asBoolean()).as(kind.name()).isEqualTo(kind.part2());
            }
        });
    }

    @Test
    void theReadModelKeepsTheLabelAndTheConsentsRecipientAndPurposes() {
        for (Kind kind : Kind.values()) {
            assertThat(fx.count("select count(*) from known_patient where patient_id = ? and part2", world.subject(kind).patient()))
                    .as(kind.name()).isEqualTo(kind.part2() ? 1 : 0);
        }
        assertThat(fx.rows("select recipient_id, array_to_string(purposes, ',') as purposes, expires_on from known_patient_consent where consent_id = ?",
                world.subject(Kind.CONSENTED).consentId())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("recipient_id", "ehr-a").containsEntry("purposes", "TREATMENT"));
        // revoked: the later patient event without the consent removed it
        assertThat(fx.count("select count(*) from known_patient_consent where consent_id = ?", world.subject(Kind.REVOKED).consentId())).isZero();
        // expired: kept (no event when a consent expires by date); the gate compares the date
        assertThat(fx.count("select count(*) from known_patient_consent where consent_id = ?", world.subject(Kind.EXPIRED).consentId())).isEqualTo(1);
    }

    @Test
    void aPart2PlanLabelsItsPatientWhateverTheOrderOfTheEvents() {
        // plan events before the patient's first event, labelled true then false: the patient starts labelled
        UUID early = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        fx.plan(plan, early, EventTypes.PLAN_CREATED, "active", Fixtures.MIXED, null, true);
        fx.plan(plan, early, EventTypes.PLAN_UPDATED, "active", Fixtures.MIXED, null, false);
        fx.patient(early, EventTypes.PATIENT_REGISTERED, "ACTIVE", "ADULT_MH", List.of(groupConsent(null)));
        assertThat(fx.count("select count(*) from known_patient where patient_id = ? and part2", early)).isEqualTo(1);

        // a stale plan event labelled Part 2 still labels: an SUD record of the patient existed
        UUID late = fx.patient(UUID.randomUUID(), EventTypes.PATIENT_REGISTERED, "ACTIVE", "ADULT_MH", List.of(groupConsent(null)));
        UUID other = UUID.randomUUID();
        long older = Fixtures.nextVersion();
        long newer = Fixtures.nextVersion();
        fx.send(Topics.PLANS, other.toString(), EventTypes.PLAN_UPDATED,
                Fixtures.planState(other, late, "active", Fixtures.MIXED, null, false, newer));
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_plan where plan_id = ? and version = ?", other, newer) == 1);
        assertThat(fx.count("select count(*) from known_patient where patient_id = ? and part2", late)).isZero();
        fx.send(Topics.PLANS, other.toString(), EventTypes.PLAN_CREATED,
                Fixtures.planState(other, late, "active", Fixtures.MIXED, null, true, older));
        await().atMost(Fixtures.EVENTS).until(() -> fx.count("select count(*) from known_patient where patient_id = ? and part2", late) == 1);
        assertThat(fx.count("select count(*) from known_plan where plan_id = ? and version = ? and part2", other, newer)).isEqualTo(1);
    }

    private List<UUID> auditedPatients(String requestId) {
        return fx.rows("select patient_id from audit_event where request_id = ? and outcome = 'SUCCESS'", requestId).stream()
                .map(row -> (UUID) row.get("patient_id")).toList();
    }

    private static String id(Kind kind) {
        return world.subject(kind).patient().toString();
    }
}
