package care.iop.plan.episode;

import static care.iop.plan.episode.EpisodeFixtures.EPISODES;
import static care.iop.plan.support.PlanFixtures.PLANS;
import static care.iop.plan.support.PlanFixtures.get;
import static care.iop.plan.support.PlanFixtures.modality;
import static care.iop.plan.support.PlanFixtures.planBody;
import static care.iop.plan.support.PlanFixtures.post;
import static care.iop.plan.support.ReadModelProbe.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.iop.plan.support.EventFixtures;
import care.iop.plan.support.PlanFixtures;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who reads episodes, as plans are read: staff all of them (a scheduler without the reasons and assessments of level
 * changes), a patient its own, a caller outside the program under the 42 CFR Part 2 rule; only clinicians and admins
 * change levels; every read is audited.
 */
@QuarkusTest
class EpisodeRolesTest {
    static final String EHR = "ehr-episodes";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    PlanFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PlanFixtures(bootstrap, ds);
    }

    /** An admitted patient with a plan and a level change justified by an assessment: its episode. */
    private UUID episodeOf(EventFixtures.PatientBuilder patient) {
        UUID id = fixtures.register(patient.admittedOn(LocalDate.parse("2026-11-30")).build()).patientId();
        UUID episode = EpisodeFixtures.awaitEpisodes(ds, id, 1);
        post("clinician", PLANS, planBody(id, fixtures.clinician(), modality(1, 50, 8.5, 0), null)).statusCode(201);
        String assessment = post("clinician", "/api/v1/assessments", "{\"patientId\":\"" + id + "\",\"instrument\":\"PHQ9\","
                + "\"answers\":[1,1,1,1,1,1,1,1,0],\"takenAt\":\"" + OffsetDateTime.now().minusHours(1) + "\"}").statusCode(201).extract().path("id");
        post("clinician", EPISODES + "/" + episode + "/level-changes", "{\"toLevel\":\"1\",\"effectiveOn\":\"2026-12-14\","
                + "\"reason\":\"Clinical: cravings under control\",\"assessmentId\":\"" + assessment + "\"}").statusCode(201);
        return episode;
    }

    private static Response as(String token, String path) {
        return given().header("Authorization", token).when().get(path);
    }

    private static String external(String subject) {
        return "Bearer " + TestTokens.mint("integration", subject, null, Map.of("azp", EHR));
    }

    @Test
    void staffReadEverythingASchedulerNoReasonsAPatientOnlyItsOwnAndOnlyClinicalRolesWrite() {
        UUID episode = episodeOf(EventFixtures.patient(UUID.randomUUID()));
        UUID patient = (UUID) care.iop.plan.support.ReadModelProbe.value(ds, "select patient_id from episode_of_care where id = ?", episode);
        get("clinician", EPISODES + "/" + episode).statusCode(200)
                .body("levelChanges[0].reason", equalTo("Clinical: cravings under control")).body("levelChanges[0].assessmentId", notNullValue());
        Map<String, Object> change = get("scheduler", EPISODES + "/" + episode).statusCode(200).extract().jsonPath().getMap("levelChanges[0]");
        assertThat(change).doesNotContainKeys("reason", "assessmentId").containsKeys("fromLevel", "toLevel", "effectiveOn", "planId");
        List<Map<String, Object>> listed = get("scheduler", EPISODES + "?patientId=" + patient).statusCode(200).extract().jsonPath()
                .getList("items[0].levelChanges");
        assertThat(listed.get(0)).doesNotContainKeys("reason", "assessmentId");
        assertThat(count(ds, "select count(*) from audit_event where subject = 'test-scheduler' and resource_type = 'EpisodeOfCare'"
                + " and action = 'READ' and resource_id = ? and patient_id = ?", episode.toString(), patient)).isPositive();
        assertThat(count(ds, "select count(*) from audit_event where subject = 'test-scheduler' and resource_type = 'EpisodeOfCare'"
                + " and action = 'SEARCH' and patient_id = ?", patient)).isPositive();

        // a patient: its own episode, not another's (404, audited as denied); its search shows only its own
        as("Bearer " + TestTokens.patient(patient), EPISODES + "/" + episode).then().statusCode(200);
        UUID other = UUID.randomUUID();
        as("Bearer " + TestTokens.patient(other), EPISODES + "/" + episode).then().statusCode(404);
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'DENIED' and resource_type = 'EpisodeOfCare'",
                "test-patient-" + other)).isEqualTo(1);
        as("Bearer " + TestTokens.patient(other), EPISODES + "?patientId=" + patient).then().statusCode(200).body("total", equalTo(0));
        as("Bearer " + TestTokens.patient(patient), EPISODES).then().statusCode(200).body("total", equalTo(1));

        // only clinicians and admins change levels
        for (String role : List.of("scheduler", "integration", "patient")) {
            post(role, EPISODES + "/" + episode + "/level-changes", "{\"toLevel\":\"2.1\",\"reason\":\"x\"}").statusCode(403);
        }
        assertThat(EpisodeFixtures.transitions(ds, episode)).isEqualTo(1);
    }

    @Test
    void anOutsiderGetsAPartTwoPatientsEpisodeOnlyWithItsConsent() {
        UUID plain = episodeOf(EventFixtures.patient(UUID.randomUUID()));
        UUID hidden = episodeOf(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD"));
        UUID consentId = UUID.randomUUID();
        UUID consented = episodeOf(EventFixtures.patient(UUID.randomUUID()).track("ADULT_SUD")
                .disclosureConsent(consentId, EHR, List.of("TREATMENT"), PlanFixtures.today().plusDays(30)));

        String subject = "episodes-" + UUID.randomUUID();
        Response ok = as(external(subject), EPISODES + "/" + plain);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.header("Part2-Notice")).isNull();

        Response refused = as(external(subject), EPISODES + "/" + hidden);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'DENIED' and resource_type = 'EpisodeOfCare'"
                + " and reason = 'PART2_NO_CONSENT' and recipient = ?", subject, EHR)).isEqualTo(1);

        Response disclosed = as(external(subject), EPISODES + "/" + consented);
        assertThat(disclosed.statusCode()).isEqualTo(200);
        assertThat(disclosed.header("Part2-Notice")).isEqualTo(PrivacyConfig.NOTICE);
        assertThat(disclosed.jsonPath().getString("part2Notice")).isEqualTo(PrivacyConfig.NOTICE);
        assertThat(count(ds, "select count(*) from audit_event where subject = ? and outcome = 'SUCCESS' and resource_type = 'EpisodeOfCare'"
                + " and consent_id = ? and recipient = ?", subject, consentId, EHR)).isEqualTo(1);

        UUID hiddenPatient = (UUID) care.iop.plan.support.ReadModelProbe.value(ds, "select patient_id from episode_of_care where id = ?", hidden);
        UUID consentedPatient = (UUID) care.iop.plan.support.ReadModelProbe.value(ds, "select patient_id from episode_of_care where id = ?", consented);
        as(external(subject), EPISODES + "?patientId=" + hiddenPatient).then().statusCode(200).body("total", equalTo(0));
        as(external(subject), EPISODES + "?patientId=" + consentedPatient).then().statusCode(200).body("total", equalTo(1))
                .header("Part2-Notice", equalTo(PrivacyConfig.NOTICE));
    }
}
