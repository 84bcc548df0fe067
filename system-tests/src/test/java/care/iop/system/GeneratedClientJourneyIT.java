package care.iop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import care.iop.client.ApiClient;
import care.iop.client.ApiException;
import care.iop.client.ApiResponse;
import care.iop.client.api.BookingsApi;
import care.iop.client.api.CliniciansApi;
import care.iop.client.api.ConsentsApi;
import care.iop.client.api.PatientsApi;
import care.iop.client.api.PlanVersionsAndSignaturesApi;
import care.iop.client.api.PlansApi;
import care.iop.client.api.SessionsApi;
import care.iop.client.model.Booking;
import care.iop.client.model.BookingRequest;
import care.iop.client.model.Clinician;
import care.iop.client.model.ClinicianRequest;
import care.iop.client.model.Consent;
import care.iop.client.model.ConsentKind;
import care.iop.client.model.ConsentRequest;
import care.iop.client.model.Gender;
import care.iop.client.model.Goal;
import care.iop.client.model.GoalMeasure;
import care.iop.client.model.Identifier;
import care.iop.client.model.Patient;
import care.iop.client.model.PatientRequest;
import care.iop.client.model.PatientStatus;
import care.iop.client.model.Plan;
import care.iop.client.model.PlanModality;
import care.iop.client.model.PlanProblem;
import care.iop.client.model.PlanRequest;
import care.iop.client.model.PlanVersion;
import care.iop.client.model.SignatureRequest;
import care.iop.client.model.Session;
import care.iop.client.model.SessionDetail;
import care.iop.client.model.SessionRequest;
import care.iop.client.model.SessionType;
import care.iop.client.model.StatusChangeRequest;
import care.iop.client.model.Track;

/**
 * Part of the journey with the Java client generated from the merged API document at build time (no hand-written
 * HTTP): register a clinician who leads groups and a patient, record the group consent, create and activate a plan
 * with group hours, sign it (the patient in person, the author with their own token), schedule a group session, book the patient, read the roster and the session, cancel the
 * booking. Each call is named by its operationId; statuses and bodies are asserted.
 */
class GeneratedClientJourneyIT {
    private static final ZoneId PROGRAM_ZONE = ZoneId.of("America/New_York");
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static SystemStack system;
    private static ApiClient scheduler;
    private static ApiClient clinician;

    @BeforeAll
    static void start() throws Exception {
        system = SystemStack.get();
        scheduler = client(system.token("scheduler"));
        clinician = client(system.token("clinician"));
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aClinicianAndAPatientAreRegisteredAndThePatientBookedIntoAGroup() throws Exception {
        LocalDate today = LocalDate.now(PROGRAM_ZONE);

        ApiResponse<Clinician> lead = new CliniciansApi(scheduler).createClinicianWithHttpInfo(CliniciansApi.APICreateClinicianRequest.newBuilder()
                .clinicianRequest(new ClinicianRequest().npi(TestData.npi()).givenName("Gus").familyName("Hale").credentials(List.of("LCSW"))
                        .canLeadGroups(true).maxCaseload(25))
                .build());
        assertThat(lead.getStatusCode()).isEqualTo(201);
        assertThat(lead.getHeaders().get("Location")).singleElement().asString()
                .isEqualTo(system.gatewayUrl() + "/api/v1/clinicians/" + lead.getData().getId());
        assertThat(lead.getData().getCanLeadGroups()).isTrue();
        UUID clinicianId = lead.getData().getId();

        PatientsApi patients = new PatientsApi(scheduler);
        ApiResponse<Patient> registered = patients.createPatientWithHttpInfo(PatientsApi.APICreatePatientRequest.newBuilder()
                .patientRequest(new PatientRequest().givenName("Ivy").familyName("Diaz").birthDate(LocalDate.of(1990, 4, 2))
                        .gender(Gender.FEMALE).track(Track.ADULT_MH).levelOfCare(PatientRequest.LevelOfCareEnum._2_1).admissionDate(today)
                        .identifiers(List.of(new Identifier().system("urn:example:mrn").value("MRN-" + UUID.randomUUID()))))
                .build());
        assertThat(registered.getStatusCode()).isEqualTo(201);
        assertThat(registered.getData().getStatus()).isEqualTo(PatientStatus.ACTIVE);
        UUID patientId = registered.getData().getId();
        ApiResponse<Patient> read = patients.getPatientWithHttpInfo(PatientsApi.APIGetPatientRequest.newBuilder().id(patientId).build());
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getData().getGivenName()).isEqualTo("Ivy");
        assertThat(read.getHeaders().get("ETag")).containsExactly("\"" + read.getData().getVersion() + "\"");

        Consent consent = new ConsentsApi(scheduler).createConsent(ConsentsApi.APICreateConsentRequest.newBuilder().id(patientId)
                .consentRequest(new ConsentRequest().kind(ConsentKind.GROUP_PARTICIPATION).signedOn(today)).build());
        assertThat(consent.getKind()).isEqualTo(ConsentKind.GROUP_PARTICIPATION);

        Plan plan = createActivePlan(patientId, clinicianId, today);
        assertThat(plan.getStatus()).isEqualTo(Plan.StatusEnum.ACTIVE);
        assertThat(plan.getModality().getGroupHoursPerWeek()).isEqualTo(9.0);

        OffsetDateTime start = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(LocalTime.of(13, 0)).atZone(PROGRAM_ZONE)
                .toOffsetDateTime();
        Session group = eventually(() -> new SessionsApi(scheduler).createSession(SessionsApi.APICreateSessionRequest.newBuilder()
                .sessionRequest(new SessionRequest().type(SessionType.GROUP).clinicianId(clinicianId).start(start).end(start.plusHours(3))
                        .topic("Relapse prevention").capacity(8).location("Room C"))
                .build()));
        assertThat(group.getType()).isEqualTo("GROUP");
        assertThat(group.getBooked()).isZero();

        BookingsApi bookings = new BookingsApi(scheduler);
        Booking booked = eventually(() -> bookings.bookGroupSeat(BookingsApi.APIBookGroupSeatRequest.newBuilder().id(group.getId())
                .bookingRequest(new BookingRequest().patientId(patientId)).build()));
        assertThat(booked.getStatus()).isEqualTo(Booking.StatusEnum.BOOKED);
        assertThat(booked.getSessionId()).isEqualTo(group.getId());

        assertThat(roster(bookings, group.getId())).containsExactlyEntriesOf(Map.of(patientId, Booking.StatusEnum.BOOKED));
        SessionDetail detail = new SessionsApi(scheduler).getSession(SessionsApi.APIGetSessionRequest.newBuilder().id(group.getId()).build());
        assertThat(detail.getBooked()).isEqualTo(1L);
        assertThat(detail.getCapacity()).isEqualTo(8);
        assertThat(detail.getBookingStatus()).isNull();

        Booking cancelled = bookings.cancelBooking(BookingsApi.APICancelBookingRequest.newBuilder().id(group.getId()).patientId(patientId)
                .reason("Schedule conflict").build());
        assertThat(cancelled.getStatus()).isEqualTo(Booking.StatusEnum.CANCELLED);
        assertThat(roster(bookings, group.getId())).containsExactlyEntriesOf(Map.of(patientId, Booking.StatusEnum.CANCELLED));
    }

    @Test
    void anErrorIsAnApiExceptionWithTheProblemDocument() {
        PatientsApi patients = new PatientsApi(scheduler);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> patients.getPatient(PatientsApi.APIGetPatientRequest.newBuilder().id(unknown).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(e.getResponseBody()).contains("\"status\":404").contains(unknown.toString());
                });
    }

    /** Creates the plan once plan-service knows the patient and clinician (a 422 until then), then activates it. */
    private static Plan createActivePlan(UUID patientId, UUID clinicianId, LocalDate start) throws Exception {
        PlansApi plans = new PlansApi(clinician);
        Plan draft = eventually(() -> plans.createPlan(PlansApi.APICreatePlanRequest.newBuilder().planRequest(new PlanRequest()
                .patientId(patientId).primaryClinicianId(clinicianId).levelOfCare("2.1").startDate(start).durationWeeks(12).reviewIntervalDays(30)
                .problems(List.of(new PlanProblem().code("F32.1").display("Major depressive disorder, single episode, moderate")))
                .goals(List.of(new Goal().description("Reduce depressive symptoms")
                        .measure(new GoalMeasure().instrument("PHQ9").target(5.0).dueDate(start.plusWeeks(12)))))
                .modality(new PlanModality().individualSessionsPerWeek(1).individualSessionMinutes(60).groupHoursPerWeek(9.0)
                        .familySessionsPerWeek(0))
                .rationale("Ready for group work")).build()));
        assertThat(draft.getStatus()).isEqualTo(Plan.StatusEnum.DRAFT);
        assertThat(draft.getPendingSignatures()).containsExactly("patient", "author");
        // version 1 is signed before activation: the patient in person (recorded by staff), the author with their own token
        int version = draft.getCurrentVersion();
        PlanVersion patientSigned = new PlanVersionsAndSignaturesApi(clinician).recordPlanSignature(
                PlanVersionsAndSignaturesApi.APIRecordPlanSignatureRequest.newBuilder().id(draft.getId()).number(version)
                        .signatureRequest(new SignatureRequest().role(SignatureRequest.RoleEnum.PATIENT)
                                .method(SignatureRequest.MethodEnum.IN_PERSON).signerName("Ivy Diaz"))
                        .build());
        assertThat(patientSigned.getPendingSignatures()).containsExactly("author");
        new PlanVersionsAndSignaturesApi(client(system.clinicianToken(clinicianId))).recordPlanSignature(
                PlanVersionsAndSignaturesApi.APIRecordPlanSignatureRequest.newBuilder().id(draft.getId()).number(version)
                        .signatureRequest(new SignatureRequest().role(SignatureRequest.RoleEnum.AUTHOR)
                                .method(SignatureRequest.MethodEnum.ELECTRONIC))
                        .build());
        return plans.changePlanStatus(PlansApi.APIChangePlanStatusRequest.newBuilder().id(draft.getId())
                .statusChangeRequest(new StatusChangeRequest().status(StatusChangeRequest.StatusEnum.ACTIVE).reason("Agreed with the patient"))
                .build());
    }

    private static Map<UUID, Booking.StatusEnum> roster(BookingsApi bookings, UUID sessionId) throws ApiException {
        return bookings.getRoster(BookingsApi.APIGetRosterRequest.newBuilder().id(sessionId).build()).stream()
                .collect(Collectors.toMap(Booking::getPatientId, Booking::getStatus));
    }

    /** The call's answer once it stops answering 422 (what another service's events did not tell yet); any other error fails. */
    private static <T> T eventually(Call<T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        await().atMost(EVENTUAL).until(() -> {
            try {
                result.set(call.run());
                return true;
            } catch (ApiException e) {
                assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(422);
                return false;
            }
        });
        return result.get();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }
}
