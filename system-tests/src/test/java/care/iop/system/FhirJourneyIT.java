package care.iop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The EHR journey of issue 23 through the gateway's one FHIR base, with HAPI's generic client (as an EHR integration
 * would, no hand-written HTTP for FHIR interactions): a clinician app (role clinician, {@code user/*.cruds}) finds the
 * patient by identifier, reads the CarePlan (category assess-plan) and its Goals, books a group seat by creating an
 * Appointment in the group session's Slot, records a PHQ-9 by QuestionnaireResponse and reads the scored Observation
 * back, reads the patient's whole record ({@code $everything}); an EHR backend (role integration, {@code system/*.rs})
 * exports the group (Bulk Data: kick-off with HAPI, status and files over plain HTTP, as Bulk Data is not a FHIR resource
 * interaction): the member who consented to disclosure to that EHR is there with the Part 2 labels (every plan here has an
 * SUD problem), the member without a Part 2 consent is left out.
 * <p>
 * The program's intake (clinicians, patients, consents, the plan, the group session) is made with the JSON API, as
 * JourneyIT does. Shapes as the services document them (docs/fhir-*.md): the group
 * session's Slot has the session's id; a seat is booked by creating an Appointment with {@code slot} and the patient as
 * participant; the PHQ-9 QuestionnaireResponse answers items {@code linkId} "1" to "9" with one {@code valueInteger} each
 * (docs/fhir-plan.md, "Recording a score"); the Group of the roster (id = the session's) is found with {@code Group?member=}.
 */
class FhirJourneyIT {
    private static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final String MRN_SYSTEM = "urn:example:mrn";
    private static final String LOINC = "http://loinc.org";
    /** The EHR backend's client id ({@code azp}), the recipient of Fern's Part 2 disclosure consent. */
    private static final String EHR_CLIENT = "ehr-fhir-journey";
    private static final FhirContext FHIR = FhirContext.forR4();

    private static SystemStack system;
    private static Gateway scheduler;
    private static Gateway clinician;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
        scheduler = new Gateway(system.gatewayUrl(), system.token("scheduler"));
        clinician = new Gateway(system.gatewayUrl(), system.token("clinician"));
        // the client reads /fhir/R4/metadata once and checks the FHIR version before its first call
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.ONCE);
    }

    private static IGenericClient fhir(String token) {
        IGenericClient client = FHIR.newRestfulGenericClient(system.gatewayUrl() + "/fhir/R4");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    @Test
    void anEhrFindsThePatientReadsThePlanBooksAGroupSeatRecordsAPhq9AndExportsTheGroup() throws Exception {
        LocalDate today = LocalDate.now(PROGRAM_ZONE);
        String lead = registerClinician("Quinn");
        String mrn = "MRN-" + UUID.randomUUID();
        String patient = registerPatient("Fern", mrn, "ADULT_MH", today);
        String sudMember = registerPatient("Gus", "MRN-" + UUID.randomUUID(), "ADULT_SUD", today);
        for (String member : List.of(patient, sudMember)) {
            scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "GROUP_PARTICIPATION", "signedOn", today.toString()), member)
                    .then().statusCode(201);
        }
        // Every plan of Plans has an SUD problem (F10.20): both are Part 2 patients. Fern consents to disclosure to the EHR
        // backend below (its client id), Gus does not, so the EHR sees Fern's records, labelled, and none of Gus's.
        scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "PART2_DISCLOSURE", "signedOn", today.toString(),
                "expiresOn", today.plusMonths(6).toString(), "recipient", "Journey EHR", "recipientId", EHR_CLIENT,
                "purposes", List.of("TREATMENT")), patient).then().statusCode(201);
        String plan = Plans.createActive(clinician, patient, lead, today, Map.of("individualSessionsPerWeek", 1,
                "individualSessionMinutes", 60, "groupHoursPerWeek", 9, "familySessionsPerWeek", 0), null);
        Plans.createActive(clinician, sudMember, lead, today, Map.of("individualSessionsPerWeek", 1,
                "individualSessionMinutes", 60, "groupHoursPerWeek", 9, "familySessionsPerWeek", 0), null);
        OffsetDateTime groupStart = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(LocalTime.of(13, 0)).atZone(PROGRAM_ZONE)
                .toOffsetDateTime();
        String session = scheduler.post("/api/v1/sessions", Map.of("type", "GROUP", "clinicianId", lead, "start", groupStart.toString(),
                "end", groupStart.plusMinutes(180).toString(), "topic", "Coping skills", "capacity", 2, "location", "Room F"))
                .then().statusCode(201).extract().path("id");
        bookWhenEligible(session, sudMember);

        IGenericClient app = fhir(system.clientToken("clinician", "fhir-clinician-app", Map.of("scope", "user/*.cruds")));

        // --- Find the patient by identifier -------------------------------------------------------------------------
        Bundle found = app.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, mrn)).returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);
        Patient fern = (Patient) found.getEntryFirstRep().getResource();
        assertThat(fern.getIdElement().getIdPart()).isEqualTo(patient);
        assertThat(fern.getIdentifier()).anySatisfy(id -> assertThat(id.getValue()).isEqualTo(mrn));
        assertThat(found.getEntryFirstRep().getFullUrl()).startsWith(system.gatewayUrl() + "/fhir/R4/Patient/");

        // --- Read the CarePlan (assess-plan) and its Goals --------------------------------------------------------------
        Bundle plans = await().atMost(EVENTUAL).until(() -> app.search().forResource(CarePlan.class)
                .where(CarePlan.PATIENT.hasId(patient))
                .and(CarePlan.CATEGORY.exactly().systemAndCode("http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "assess-plan"))
                .returnBundle(Bundle.class).execute(), bundle -> bundle.getEntry().size() == 1);
        CarePlan carePlan = (CarePlan) plans.getEntryFirstRep().getResource();
        assertThat(carePlan.getIdElement().getIdPart()).isEqualTo(plan);
        assertThat(carePlan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(carePlan.getSubject().getReferenceElement().getIdPart()).isEqualTo(patient);
        CarePlan read = app.read().resource(CarePlan.class).withId(plan).execute();
        assertThat(read.getMeta().getVersionId()).isNotBlank();
        Bundle goals = app.search().forResource(Goal.class).where(Goal.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute();
        assertThat(goals.getEntry()).isNotEmpty();
        assertThat(goals.getEntry()).allSatisfy(entry -> assertThat(((Goal) entry.getResource()).getSubject().getReferenceElement().getIdPart())
                .isEqualTo(patient));
        assertThat(carePlan.getGoal()).extracting(goal -> goal.getReferenceElement().getIdPart())
                .containsAll(goals.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());

        // --- Book a group seat: an Appointment for the patient in the group session's Slot -------------------------------
        Slot slot = app.read().resource(Slot.class).withId(session).execute();
        assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        Appointment seat = app.read().resource(Appointment.class).withId(bookSeat(app, session, patient)).execute();
        assertThat(seat.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(seat.getParticipant()).anySatisfy(p -> assertThat(p.getActor().getReferenceElement().getIdPart()).isEqualTo(patient));
        Bundle agenda = app.search().forResource(Appointment.class).where(Appointment.PATIENT.hasId(patient))
                .and(Appointment.DATE.afterOrEquals().day(Date.from(groupStart.minusDays(1).toInstant()))).returnBundle(Bundle.class).execute();
        assertThat(agenda.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(seat.getIdElement().getIdPart());
        // the group is full now (capacity 2): a third patient's seat is a waitlist place, as in the JSON API
        String third = registerPatient("Hal", "MRN-" + UUID.randomUUID(), "ADULT_MH", today);
        scheduler.post("/api/v1/patients/{id}/consents", Map.of("kind", "GROUP_PARTICIPATION", "signedOn", today.toString()), third)
                .then().statusCode(201);
        Plans.createActive(clinician, third, lead, today, Map.of("individualSessionsPerWeek", 1, "individualSessionMinutes", 60,
                "groupHoursPerWeek", 9, "familySessionsPerWeek", 0), null);
        assertThat(app.read().resource(Appointment.class).withId(bookSeat(app, session, third)).execute().getStatus())
                .isEqualTo(Appointment.AppointmentStatus.WAITLIST);

        // --- Record a PHQ-9 (total 7) by QuestionnaireResponse; read the scored Observation back ------------------------
        int[] answers = {1, 1, 1, 1, 1, 1, 1, 0, 0};
        QuestionnaireResponse phq9 = new QuestionnaireResponse();
        phq9.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        phq9.setQuestionnaire("http://loinc.org/q/44249-1");
        phq9.setSubject(new Reference("Patient/" + patient));
        phq9.setAuthored(Date.from(OffsetDateTime.now(PROGRAM_ZONE).minusMinutes(1).toInstant()));
        for (int i = 0; i < answers.length; i++) {
            phq9.addItem().setLinkId(String.valueOf(i + 1)).addAnswer().setValue(new IntegerType(answers[i]));
        }
        MethodOutcome recorded = app.create().resource(phq9).execute();
        assertThat(recorded.getCreated()).isTrue();
        String responseId = recorded.getId().getIdPart();
        Bundle scores = app.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .and(Observation.CODE.exactly().systemAndCode(LOINC, "44261-6")).returnBundle(Bundle.class).execute();
        assertThat(scores.getEntry()).hasSize(1);
        Observation score = (Observation) scores.getEntryFirstRep().getResource();
        assertThat(score.getValueIntegerType().getValue()).isEqualTo(7);
        assertThat(score.getCategory()).extracting(CodeableConcept::getCodingFirstRep).extracting(Coding::getCode).contains("survey");
        assertThat(score.getDerivedFrom()).extracting(ref -> ref.getReferenceElement().getIdPart()).contains(responseId);
        Bundle surveys = app.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .and(Observation.CATEGORY.exactly().systemAndCode("http://terminology.hl7.org/CodeSystem/observation-category", "survey"))
                .returnBundle(Bundle.class).execute();
        assertThat(surveys.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(score.getIdElement().getIdPart());

        // --- The patient's whole record across the three services ---------------------------------------------------------
        Bundle everything = app.operation().onInstance(new IdType("Patient", patient)).named("$everything")
                .withNoParameters(Parameters.class).useHttpGet().returnResourceType(Bundle.class).execute();
        assertThat(everything.getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
        assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("CarePlan", "Goal", "Appointment", "QuestionnaireResponse", "Observation", "Consent");

        // --- An EHR backend exports the group: the SUD member without a Part 2 consent to it is left out -------------------
        String ehrToken = system.clientToken("integration", EHR_CLIENT, Map.of("scope", "system/*.rs"));
        IGenericClient ehr = fhir(ehrToken);
        Bundle groups = await().atMost(EVENTUAL).until(() -> ehr.search().forResource(Group.class)
                .where(Group.MEMBER.hasId("Patient/" + patient)).returnBundle(Bundle.class).execute(), bundle -> !bundle.getEntry().isEmpty());
        String group = groups.getEntryFirstRep().getResource().getIdElement().getIdPart();
        assertThat(group).as("a group session's roster has the session's id").isEqualTo(session);
        MethodOutcome kickOff = ehr.operation().onInstance(new IdType("Group", group)).named("$export").withNoParameters(Parameters.class)
                .useHttpGet().withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        assertThat(kickOff.getResponseStatusCode()).isEqualTo(202);
        String status = kickOff.getFirstResponseHeader("content-location").orElseThrow();
        assertThat(status).startsWith(system.gatewayUrl() + "/fhir/R4/");
        await().atMost(EVENTUAL).until(() -> given().header("Authorization", "Bearer " + ehrToken).get(status).statusCode() != 202);
        JsonPath manifest = given().header("Authorization", "Bearer " + ehrToken).get(status).then().statusCode(200).extract().jsonPath();
        assertThat(manifest.getBoolean("requiresAccessToken")).isTrue();
        assertThat(java.time.Instant.parse(manifest.getString("transactionTime"))).isBefore(java.time.Instant.now());
        assertThat(manifest.getString("request")).matches(java.util.regex.Pattern.quote(system.gatewayUrl() + "/fhir/R4/Group/" + group + "/")
                + "(\\$|%24)export");
        assertThat(manifest.getList("error")).isEmpty();
        Map<String, List<Resource>> exported = new HashMap<>();
        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            Response file = given().header("Authorization", "Bearer " + ehrToken).get((String) output.get("url"));
            file.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/fhir+ndjson"));
            List<Resource> resources = file.asString().lines().filter(line -> !line.isBlank())
                    .map(line -> (Resource) FHIR.newJsonParser().parseResource(line)).toList();
            assertThat(resources).hasSize((Integer) output.get("count"));
            exported.put((String) output.get("type"), resources);
        }
        assertThat(exported.get("Patient")).extracting(r -> r.getIdElement().getIdPart()).contains(patient).doesNotContain(sudMember);
        // Fern's plan (an SUD problem) and her seats are Part 2 records disclosed under her consent: labelled (her registry
        // record is not: participant-service labels by track, docs/security.md "What is a Part 2 record")
        assertThat(exported.get("CarePlan")).extracting(r -> r.getIdElement().getIdPart()).contains(plan);
        assertThat(List.of("CarePlan", "Appointment")).allSatisfy(type -> assertThat(exported.get(type))
                .filteredOn(r -> FHIR.newJsonParser().encodeResourceToString(r).contains("Patient/" + patient)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getMeta().getSecurity()).as(type).extracting(Coding::getCode).contains("42CFRPart2")));
        assertThat(exported).containsKeys("Patient", "CarePlan", "Appointment");
        assertThat(exported.values().stream().flatMap(List::stream).map(FHIR.newJsonParser()::encodeResourceToString))
                .noneMatch(json -> json.contains(sudMember));
        // the files are the exporter's only
        given().header("Authorization", "Bearer " + system.clientToken("integration", "ehr-other", Map.of("scope", "system/*.rs"))).get(status)
                .then().statusCode(404);
    }

    /**
     * Books the patient a seat in the group session: an Appointment in its Slot with the patient as participant, created once
     * session-service knows the patient is eligible (eventual consistency, as JourneyIT's bookings); the new Appointment's id.
     */
    private static String bookSeat(IGenericClient app, String session, String patient) {
        Appointment booking = new Appointment();
        booking.setStatus(Appointment.AppointmentStatus.BOOKED);
        booking.addSlot(new Reference("Slot/" + session));
        booking.addParticipant().setActor(new Reference("Patient/" + patient)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        MethodOutcome created = await().atMost(EVENTUAL).ignoreExceptions()
                .until(() -> app.create().resource(booking).execute(), outcome -> Boolean.TRUE.equals(outcome.getCreated()));
        return created.getId().getIdPart();
    }

    private static String registerClinician(String name) {
        return scheduler.post("/api/v1/clinicians", Map.of("npi", TestData.npi(), "givenName", name, "familyName", "Fhir",
                "credentials", List.of("LCSW"), "canLeadGroups", true, "maxCaseload", 25)).then().statusCode(201).extract().path("id");
    }

    private static String registerPatient(String name, String mrn, String track, LocalDate admission) {
        return scheduler.post("/api/v1/patients", Map.of("identifiers", List.of(Map.of("system", MRN_SYSTEM, "value", mrn)),
                "givenName", name, "familyName", "Fhir", "birthDate", "1985-06-07", "gender", "female", "track", track,
                "levelOfCare", "2.1", "admissionDate", admission.toString())).then().statusCode(201).extract().path("id");
    }

    private static void bookWhenEligible(String sessionId, String patientId) {
        await().atMost(EVENTUAL).until(() -> scheduler.post("/api/v1/sessions/{id}/participants", Map.of("patientId", patientId), sessionId)
                .statusCode() == 201);
    }
}
