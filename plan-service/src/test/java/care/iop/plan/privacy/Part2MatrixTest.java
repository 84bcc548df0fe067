package care.iop.plan.privacy;

import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.ReadModelProbe.count;
import static care.iop.plan.support.ReadModelProbe.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import care.iop.plan.privacy.Part2Cohort.Case;
import care.iop.plan.privacy.Part2Cohort.Records;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.privacy.PrivacyConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The Part 2 x role matrix of plan-service (PRIVACY-SPEC, docs/security.md): every endpoint that answers a patient's
 * records x every caller x every Part 2 case of {@link Part2Cohort}. Program staff see everything their role allows
 * (a scheduler without the clinical content); a caller outside the program sees a Part 2 patient's records only with
 * a matching, active, unexpired consent (then with the re-disclosure notice and an audit row naming recipient and
 * consent), else 404 and a DENIED audit row with the reason; outcomes are refused to schedulers and integrations.
 * The lists (plan search, dose alerts) are in {@link Part2ListsTest}.
 */
@QuarkusTest
class Part2MatrixTest {

    /** Who calls. */
    enum Caller {
        ADMIN("admin", null, null), CLINICIAN("clinician", null, null), SCHEDULER("scheduler", null, null),
        /** The patient the records belong to. */
        PATIENT("patient", null, null),
        /** An EHR outside the program: the recipient its consents name; no purpose claim: TREATMENT. */
        EHR_A("integration", Part2Cohort.EHR_A, null),
        /** Another client outside the program: consents name ehr-a, not it. */
        EHR_B("integration", Part2Cohort.EHR_B, null),
        /** ehr-a asking for payment: its consents cover treatment only. */
        EHR_A_PAYMENT("integration", Part2Cohort.EHR_A, "PAYMENT");

        final String role;
        final String azp;
        final String purpose;

        Caller(String role, String azp, String purpose) {
            this.role = role;
            this.azp = azp;
            this.purpose = purpose;
        }

        boolean external() {
            return azp != null;
        }

        String token(String subject, UUID patientId) {
            Map<String, Object> claims = new HashMap<>();
            if (azp != null) {
                claims.put("azp", azp);
            }
            if (purpose != null) {
                claims.put("purpose_of_use", purpose);
            }
            return Part2Cohort.token(role, subject, this == PATIENT ? patientId : null, claims);
        }

        /** Why an answer about this case is refused to this (external) caller, or null when it may be answered. */
        String refusal(Case c) {
            return switch (c) {
                case NOT_PART2 -> null;
                case SUD_TRACK, SUD_DIAGNOSIS, REVOKED -> Disclosure.NO_CONSENT;
                case CONSENTED, CONSENTED_DIAGNOSIS -> this == EHR_A ? null : this == EHR_B ? Disclosure.WRONG_RECIPIENT : Disclosure.PURPOSE_NOT_COVERED;
                case EXPIRED -> this == EHR_A ? Disclosure.EXPIRED : this == EHR_B ? Disclosure.WRONG_RECIPIENT : Disclosure.PURPOSE_NOT_COVERED;
            };
        }
    }

    /** Every endpoint of plan-service that answers records of one patient. */
    enum Endpoint {
        PLAN(r -> PLANS + "/" + r.planId(), true, EnumSet.allOf(Caller.class)),
        STATUS_HISTORY(r -> PLANS + "/" + r.planId() + "/status-history", false, EnumSet.allOf(Caller.class)),
        REVIEWS(r -> PLANS + "/" + r.planId() + "/reviews", false, EnumSet.complementOf(EnumSet.of(Caller.SCHEDULER))),
        MODALITY_CHANGES(r -> PLANS + "/" + r.planId() + "/modality-changes", false, EnumSet.allOf(Caller.class)),
        DOSE(r -> PLANS + "/" + r.planId() + "/dose?from=2026-11-30&to=2026-12-13", false, EnumSet.allOf(Caller.class)),
        PROGRESS(r -> PLANS + "/" + r.planId() + "/progress", true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN, Caller.PATIENT)),
        ASSESSMENTS(r -> "/api/v1/assessments?patientId=" + r.patientId(), true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN, Caller.PATIENT)),
        ASSESSMENT(r -> "/api/v1/assessments/" + r.assessmentId(), true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN, Caller.PATIENT)),
        SAFETY_FLAGS(r -> "/api/v1/assessments/safety-flags?patientId=" + r.patientId(), true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN)),
        SAFETY_FLAG(r -> "/api/v1/assessments/safety-flags/" + r.flagId(), true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN)),
        /** The signed versions side by side: clinical content, so no scheduler. */
        VERSIONS(r -> PLANS + "/" + r.planId() + "/versions", false, EnumSet.complementOf(EnumSet.of(Caller.SCHEDULER))),
        VERSION(r -> PLANS + "/" + r.planId() + "/versions/1", true, EnumSet.complementOf(EnumSet.of(Caller.SCHEDULER))),
        RISK_SCREENS(r -> "/api/v1/risk-screens?patientId=" + r.patientId(), true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN)),
        SAFETY_PLAN(r -> "/api/v1/patients/" + r.patientId() + "/safety-plan", true, EnumSet.of(Caller.ADMIN, Caller.CLINICIAN, Caller.PATIENT));

        final Function<Records, String> path;
        final boolean jsonObject;
        final Set<Caller> admitted;

        Endpoint(Function<Records, String> path, boolean jsonObject, Set<Caller> admitted) {
            this.path = path;
            this.jsonObject = jsonObject;
            this.admitted = admitted;
        }
    }

    /** What the caller must get. */
    enum Expect {
        /** 200, no notice. */
        OK,
        /** 200 with the re-disclosure notice: a disclosure under a consent. */
        DISCLOSED,
        /** 404 as if the record did not exist, audited as DENIED with the reason. */
        HIDDEN,
        /** 403: the role may not read this at all. */
        FORBIDDEN
    }

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Part2Cohort cohort;

    @BeforeEach
    void cohort() {
        cohort = Part2Cohort.get(bootstrap, ds);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                for (Case c : Case.values()) {
                    cells.add(Arguments.of(endpoint, caller, c));
                }
            }
        }
        return cells.stream();
    }

    static Expect expect(Endpoint endpoint, Caller caller, Case c) {
        if (!endpoint.admitted.contains(caller)) {
            return Expect.FORBIDDEN;
        }
        if (!caller.external()) {
            return Expect.OK;
        }
        if (caller.refusal(c) != null) {
            return Expect.HIDDEN;
        }
        return c.part2 ? Expect.DISCLOSED : Expect.OK;
    }

    @ParameterizedTest(name = "{0} as {1}, {2}")
    @MethodSource("matrix")
    void everyEndpointEveryCallerEveryCase(Endpoint endpoint, Caller caller, Case c) {
        Records records = cohort.of(c);
        String subject = "matrix-" + UUID.randomUUID();
        Response response = given().header("Authorization", caller.token(subject, records.patientId()))
                .when().get(endpoint.path.apply(records));
        Expect expect = expect(endpoint, caller, c);
        switch (expect) {
            case OK -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.header("Part2-Notice")).isNull();
                if (endpoint.jsonObject) {
                    assertThat(response.jsonPath().getMap("$")).doesNotContainKey("part2Notice");
                }
                assertSuccessAudited(subject, records.patientId(), caller, null);
                assertMinimumNecessary(endpoint, caller, response.jsonPath());
            }
            case DISCLOSED -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.header("Part2-Notice")).isEqualTo(PrivacyConfig.NOTICE);
                if (endpoint.jsonObject) {
                    assertThat(response.jsonPath().getString("part2Notice")).isEqualTo(PrivacyConfig.NOTICE);
                }
                assertSuccessAudited(subject, records.patientId(), caller, records.consentId());
                assertMinimumNecessary(endpoint, caller, response.jsonPath());
            }
            case HIDDEN -> {
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Part2-Notice")).isNull();
                assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'DENIED' and patient_id = ?"
                        + " and reason = ? and recipient = ? and resource_type = 'CarePlan'", subject, records.patientId(), caller.refusal(c), caller.azp))
                        .as("DENIED row with reason %s", caller.refusal(c)).isEqualTo(1);
                assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'SUCCESS'", subject)).isZero();
            }
            case FORBIDDEN -> {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.header("Part2-Notice")).isNull();
                assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'SUCCESS'", subject)).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Case.class, names = { "SUD_TRACK", "SUD_DIAGNOSIS", "REVOKED", "EXPIRED" })
    void aHiddenPlanAnswersExactlyLikeAPlanThatDoesNotExist(Case c) {
        Records records = cohort.of(c);
        String token = Caller.EHR_A.token("matrix-" + UUID.randomUUID(), null);
        UUID missing = UUID.randomUUID();
        Response hidden = given().header("Authorization", token).when().get(PLANS + "/" + records.planId());
        Response absent = given().header("Authorization", token).when().get(PLANS + "/" + missing);
        assertThat(hidden.statusCode()).isEqualTo(absent.statusCode()).isEqualTo(404);
        assertThat(withoutRequestId(hidden).replace(records.planId(), "ID")).isEqualTo(withoutRequestId(absent).replace(missing.toString(), "ID"));
        assertThat(hidden.headers().asList().stream().map(h -> h.getName().toLowerCase()).sorted().toList())
                .isEqualTo(absent.headers().asList().stream().map(h -> h.getName().toLowerCase()).sorted().toList());
    }

    private static String withoutRequestId(Response response) {
        return response.asString().replace(response.jsonPath().getString("requestId"), "REQUEST");
    }

    /** Every SUCCESS row of this request is about the patient, names the recipient (external callers) and the consent relied on. */
    private void assertSuccessAudited(String subject, UUID patientId, Caller caller, UUID consentId) {
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'SUCCESS' and patient_id = ?", subject, patientId))
                .isPositive();
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and (patient_id is distinct from ?"
                + " or recipient is distinct from ? or consent_id is distinct from ?)", subject, patientId, caller.azp, consentId)).isZero();
        if (consentId != null) {
            assertThat(value(ds, "select consent_id from audit_event where subject = ? limit 1", subject)).isEqualTo(consentId);
            assertThat(value(ds, "select recipient from audit_event where subject = ? limit 1", subject)).isEqualTo(Part2Cohort.EHR_A);
        }
    }

    /** A scheduler gets no clinical content (the fields are absent); every other caller gets it. */
    private static void assertMinimumNecessary(Endpoint endpoint, Caller caller, JsonPath body) {
        boolean scheduler = caller == Caller.SCHEDULER;
        switch (endpoint) {
            case PLAN -> {
                Map<String, Object> plan = body.getMap("$");
                for (String field : List.of("problems", "goals", "rationale", "modalityRationale")) {
                    if (scheduler) {
                        assertThat(plan).as(field).doesNotContainKey(field);
                    } else {
                        assertThat(plan).as(field).containsKey(field);
                    }
                }
                if (scheduler) {
                    assertThat(plan).doesNotContainKey("belowMinimumJustification");
                }
                assertThat(plan).containsKeys("status", "startDate", "endDate", "primaryClinicianId", "modality", "modalityEffectiveFrom");
            }
            case STATUS_HISTORY -> {
                List<Map<String, Object>> steps = body.getList("$");
                assertThat(steps).hasSize(2).allSatisfy(step -> assertThat(step).containsKeys("to", "changedAt"));
                if (scheduler) {
                    assertThat(steps).allSatisfy(step -> assertThat(step).doesNotContainKey("reason"));
                } else {
                    assertThat(steps).extracting(step -> step.get("reason")).containsExactly("created", Part2Cohort.STATUS_REASON);
                }
            }
            case MODALITY_CHANGES -> {
                List<Map<String, Object>> changes = body.getList("$");
                assertThat(changes).hasSize(1).allSatisfy(change -> assertThat(change).containsKeys("from", "to", "effectiveFrom"));
                if (scheduler) {
                    assertThat(changes.get(0)).doesNotContainKeys("reason", "belowMinimumJustification");
                } else {
                    assertThat(changes.get(0)).containsEntry("reason", Part2Cohort.SWITCH_REASON);
                }
            }
            case REVIEWS -> assertThat(body.getList("summary")).containsExactly(Part2Cohort.REVIEW_SUMMARY);
            default -> {
            }
        }
    }
}
