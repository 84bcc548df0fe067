package care.iop.participant;

import static care.iop.participant.Api.PATIENTS;
import static care.iop.participant.Api.as;
import static care.iop.participant.Api.asPatient;
import static care.iop.participant.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PreferencesTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void newPatientHasNoPreferencesYet() {
        UUID id = Api.newPatient();
        as("clinician").when().get(PATIENTS + "/" + id + "/preferences").then().statusCode(200)
                .body("patientId", equalTo(id.toString()))
                .body("groupComfort", nullValue()).body("preferredModality", nullValue());
    }

    @Test
    void changesAreStoredAndKeptAsHistoryWithWhoWhenBeforeAndAfter() {
        UUID id = Api.newPatient();
        String path = PATIENTS + "/" + id + "/preferences";
        as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"INDIVIDUAL\",\"considerations\":\"anxious in large groups\",\"preferredDays\":[\"WEDNESDAY\",\"MONDAY\",\"MONDAY\"]}")
                .when().put(path).then().statusCode(200)
                .body("groupComfort", equalTo("HESITANT"))
                .body("preferredModality", equalTo("INDIVIDUAL"))
                .body("considerations", equalTo("anxious in large groups"))
                .body("preferredDays", contains("MONDAY", "WEDNESDAY"));
        as("admin").body("{\"groupComfort\":\"COMFORTABLE\",\"preferredModality\":\"GROUP\"}")
                .when().put(path).then().statusCode(200).body("preferredDays", org.hamcrest.Matchers.empty())
                .body("considerations", nullValue());

        as("admin").when().get(path).then().statusCode(200)
                .body("groupComfort", equalTo("COMFORTABLE")).body("preferredModality", equalTo("GROUP"))
                .body("considerations", nullValue());
        as("clinician").when().get(path + "/history").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].changedBy", equalTo("test-admin"))
                .body("items[0].before.groupComfort", equalTo("HESITANT"))
                .body("items[0].before.considerations", equalTo("anxious in large groups"))
                .body("items[0].after.groupComfort", equalTo("COMFORTABLE"))
                .body("items[0].after.preferredModality", equalTo("GROUP"))
                .body("items[1].changedBy", equalTo("test-clinician"))
                .body("items[1].before", nullValue())
                .body("items[1].after.groupComfort", equalTo("HESITANT"))
                .body("items[1].after.preferredDays", contains("MONDAY", "WEDNESDAY"))
                .body("items[1].changedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSchedulerNeitherReadsNorRecordsConsiderationsAndItsChangesKeepThem() {
        UUID id = Api.newPatient();
        String path = PATIENTS + "/" + id + "/preferences";
        as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"INDIVIDUAL\",\"considerations\":\"anxious in large groups\"}")
                .when().put(path).then().statusCode(200);

        as("scheduler").when().get(path).then().statusCode(200)
                .body("groupComfort", equalTo("HESITANT")).body("$", not(hasKey("considerations")));
        as("scheduler").when().get(path + "/history").then().statusCode(200)
                .body("items[0].after.groupComfort", equalTo("HESITANT"))
                .body("items[0].after", not(hasKey("considerations")));
        assertProblem(as("scheduler").body("{\"groupComfort\":\"COMFORTABLE\",\"preferredModality\":\"GROUP\",\"considerations\":\"x\"}")
                .when().put(path).then(), 403, "considerations");

        as("scheduler").body("{\"groupComfort\":\"COMFORTABLE\",\"preferredModality\":\"GROUP\"}")
                .when().put(path).then().statusCode(200)
                .body("groupComfort", equalTo("COMFORTABLE")).body("$", not(hasKey("considerations")));
        as("clinician").when().get(path).then().body("considerations", equalTo("anxious in large groups"));
        as("scheduler").when().get(path + "/history").then()
                .body("total", equalTo(2)).body("items[0].before", not(hasKey("considerations")))
                .body("items[0].after", not(hasKey("considerations")));
        as("admin").when().get(path + "/history").then()
                .body("items[0].before.considerations", equalTo("anxious in large groups"))
                .body("items[0].after.considerations", equalTo("anxious in large groups"));
        asPatient(id).when().get(path).then().body("considerations", equalTo("anxious in large groups"));
    }

    @Test
    void sameValuesAddNoHistory() {
        UUID id = Api.newPatient();
        String path = PATIENTS + "/" + id + "/preferences";
        String body = "{\"groupComfort\":\"UNCOMFORTABLE\",\"preferredModality\":\"NO_PREFERENCE\"}";
        as("clinician").body(body).when().put(path).then().statusCode(200).header("ETag", "\"1\"");
        as("clinician").body(body).when().put(path).then().statusCode(200).header("ETag", "\"1\"");
        assertThat(Db.count(ds, "select count(*) from preference_change where patient_id = ?", id)).isEqualTo(1);
    }

    @Test
    void ifMatchIsCheckedWhenSent() {
        UUID id = Api.newPatient();
        assertProblem(as("clinician").header("If-Match", "\"7\"").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}")
                .when().put(PATIENTS + "/" + id + "/preferences").then(), 412, null);
        as("clinician").header("If-Match", "\"0\"").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}")
                .when().put(PATIENTS + "/" + id + "/preferences").then().statusCode(200);
    }

    @Test
    void badPreferencesAre400NamingTheFieldAndChangeNothing() {
        UUID id = Api.newPatient();
        String path = PATIENTS + "/" + id + "/preferences";
        assertProblem(as("clinician").body("{\"groupComfort\":\"SOMETIMES\",\"preferredModality\":\"GROUP\"}").when().put(path).then(), 400, "groupComfort");
        assertProblem(as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"HYBRID\"}").when().put(path).then(), 400, "preferredModality");
        assertProblem(as("clinician").body("{\"preferredModality\":\"GROUP\"}").when().put(path).then(), 400, "groupComfort");
        assertProblem(as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\",\"preferredDays\":[\"FUNDAY\"]}").when().put(path).then(), 400, "preferredDays[0]");
        assertProblem(as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\",\"mood\":\"ok\"}").when().put(path).then(), 400, "mood");
        assertThat(Db.count(ds, "select count(*) from preference_change where patient_id = ?", id)).isZero();
        as("clinician").when().get(path).then().body("groupComfort", nullValue());
    }

    @Test
    void dischargedPatientsPreferencesAreFrozen() {
        UUID id = Api.newPatient();
        as("clinician").body("{\"reason\":\"Completed\",\"date\":\"2026-02-20\"}").when().post(PATIENTS + "/" + id + "/discharge").then().statusCode(200);
        assertProblem(as("clinician").body("{\"groupComfort\":\"HESITANT\",\"preferredModality\":\"GROUP\"}")
                .when().put(PATIENTS + "/" + id + "/preferences").then(), 422, null);
    }

    @Test
    void patientReadsOwnPreferencesAndHistoryOnly() {
        UUID own = Api.newPatient();
        UUID other = Api.newPatient();
        asPatient(own).when().get(PATIENTS + "/" + own + "/preferences").then().statusCode(200);
        asPatient(own).when().get(PATIENTS + "/" + own + "/preferences/history").then().statusCode(200);
        assertProblem(asPatient(own).when().get(PATIENTS + "/" + other + "/preferences").then(), 404, null);
        assertProblem(asPatient(own).when().get(PATIENTS + "/" + other + "/preferences/history").then(), 404, null);
    }
}
