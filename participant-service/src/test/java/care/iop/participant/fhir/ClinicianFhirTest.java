package care.iop.participant.fhir;

import static care.iop.participant.fhir.FhirApi.BASE;
import static care.iop.participant.fhir.FhirApi.as;
import static care.iop.participant.fhir.FhirApi.assertOutcome;
import static care.iop.participant.fhir.FhirApi.assertValid;
import static care.iop.participant.fhir.FhirApi.bundle;
import static care.iop.participant.fhir.FhirApi.matches;
import static care.iop.participant.fhir.FhirApi.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

import care.iop.participant.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** FHIR Practitioner (US Core) and PractitionerRole over the clinician registry. */
@QuarkusTest
class ClinicianFhirTest {
    static final String SCOPE = "user/Practitioner.rs user/PractitionerRole.rs";
    static final String NUCC = "http://nucc.org/provider-taxonomy";

    record Registered(UUID id, String npi, String family) {
    }

    private static Registered register(String family) {
        String npi = Api.uniqueNpi();
        UUID id = UUID.fromString(Api.as("scheduler").body(Api.clinicianBody(npi, family)).post(Api.CLINICIANS)
                .then().statusCode(201).extract().path("id"));
        return new Registered(id, npi, family);
    }

    private static Registered register(String family, String... credentials) {
        String npi = Api.uniqueNpi();
        String body = """
                {"npi":"%s","givenName":"Rae","familyName":"%s","credentials":[%s],"canLeadGroups":false}"""
                .formatted(npi, family, Stream.of(credentials).map(c -> "\"" + c + "\"").collect(Collectors.joining(",")));
        UUID id = UUID.fromString(Api.as("scheduler").body(body).post(Api.CLINICIANS).then().statusCode(201).extract().path("id"));
        return new Registered(id, npi, family);
    }

    private static RequestSpecification staff() {
        return as("scheduler", SCOPE);
    }

    private static List<String> found(String type, RequestSpecification request) {
        return matches(bundle(request.get(BASE + "/" + type)));
    }

    @Test
    void readAndVreadAPractitioner() {
        Registered c = register("Lee" + UUID.randomUUID().toString().substring(0, 8));
        Response read = staff().get(BASE + "/Practitioner/" + c.id());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("W/\"0\"");
        Practitioner practitioner = parse(Practitioner.class, read);
        assertThat(practitioner.getIdentifierFirstRep().getValue()).isEqualTo(c.npi());
        assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo(c.family());
        assertValid(practitioner, ParticipantFhirUrls.US_CORE_PRACTITIONER);

        assertThat(staff().get(BASE + "/Practitioner/" + c.id() + "/_history/0").statusCode()).isEqualTo(200);
        assertOutcome(staff().get(BASE + "/Practitioner/" + c.id() + "/_history/1"), 404, null);
        assertOutcome(staff().get(BASE + "/Practitioner/" + UUID.randomUUID()), 404, null);
    }

    @Test
    void readAndVreadARole() {
        Registered c = register("Lee" + UUID.randomUUID().toString().substring(0, 8));
        Response read = staff().get(BASE + "/PractitionerRole/" + c.id());

        assertThat(read.statusCode()).isEqualTo(200);
        PractitionerRole role = parse(PractitionerRole.class, read);
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + c.id());
        assertThat(role.getCode()).extracting(cc -> cc.getText()).containsExactly("clinician", "group leader");
        assertValid(role, null);
        assertThat(staff().get(BASE + "/PractitionerRole/" + c.id() + "/_history/0").statusCode()).isEqualTo(200);
        assertOutcome(staff().get(BASE + "/PractitionerRole/" + c.id() + "/_history/3"), 404, null);
    }

    @Test
    void searchPractitionersByNpiAndName() {
        String family = "Okafor" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Registered c = register(family);
        Registered other = register("Lee" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(found("Practitioner", staff().queryParam("identifier", ParticipantFhirUrls.NPI_SYSTEM + "|" + c.npi()))).containsExactly(c.id().toString());
        assertThat(found("Practitioner", staff().queryParam("identifier", c.npi()))).containsExactly(c.id().toString());
        assertThat(found("Practitioner", staff().queryParam("identifier", "urn:other|" + c.npi()))).isEmpty();
        assertThat(found("Practitioner", staff().queryParam("name", family.substring(0, 9)))).containsExactly(c.id().toString());
        assertThat(found("Practitioner", staff().queryParam("name", "sam").queryParam("family", family))).containsExactly(c.id().toString());
        assertThat(found("Practitioner", staff().queryParam("name:exact", family))).containsExactly(c.id().toString());
        assertThat(found("Practitioner", staff().queryParam("_id", c.id() + "," + other.id()))).containsExactlyInAnyOrder(c.id().toString(),
                other.id().toString());
        assertThat(found("Practitioner", staff().queryParam("family", family).queryParam("active", "false"))).isEmpty();
        Bundle bundle = bundle(staff().queryParam("family", family).get(BASE + "/Practitioner"));
        assertValid(bundle, null);
        assertOutcome(staff().queryParam("specialty", "x").get(BASE + "/Practitioner"), 400, "specialty");
    }

    @Test
    void searchRolesByPractitionerIncludingIt() {
        Registered c = register("Lee" + UUID.randomUUID().toString().substring(0, 8));
        Bundle bundle = bundle(staff().queryParam("practitioner", "Practitioner/" + c.id()).queryParam("_include", "PractitionerRole:practitioner")
                .get(BASE + "/PractitionerRole"));

        assertThat(bundle.getTotal()).isEqualTo(1);
        assertThat(matches(bundle)).containsExactly(c.id().toString());
        assertThat(bundle.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .extracting(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                .containsExactly("Practitioner/" + c.id());
        assertValid(bundle, null);
        assertThat(found("PractitionerRole", staff().queryParam("practitioner", c.id().toString()))).containsExactly(c.id().toString());
        assertThat(found("PractitionerRole", staff().queryParam("practitioner", c.id().toString()).queryParam("_id", UUID.randomUUID().toString())))
                .isEmpty();
        // specialty (US Core's SHALL) combines with the other parameters: c is an LCSW (Api.clinicianBody)
        assertThat(found("PractitionerRole", staff().queryParam("practitioner", c.id().toString())
                .queryParam("specialty", NUCC + "|1041C0700X"))).containsExactly(c.id().toString());
        assertThat(found("PractitionerRole", staff().queryParam("practitioner", c.id().toString())
                .queryParam("specialty", NUCC + "|106H00000X"))).isEmpty();
        assertOutcome(staff().queryParam("practitioner", "Patient/" + c.id()).get(BASE + "/PractitionerRole"), 400, "practitioner");
        assertOutcome(staff().queryParam("_include", "PractitionerRole:location").get(BASE + "/PractitionerRole"), 400, "_include");
    }

    @Test
    void rolesCarryTheSpecialtiesTheirCredentialsStandForAndAreFoundByThem() {
        String family = "Okafor" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Registered counselor = register(family, "LCSW", "LAC");
        Registered therapist = register(family, "LMFT");
        Registered intern = register(family, "intern");
        Registered associate = register(family, "lpc-a");
        Registered psychologist = register(family, "Ph.D.");

        PractitionerRole role = parse(PractitionerRole.class, staff().get(BASE + "/PractitionerRole/" + counselor.id()));
        assertThat(role.getSpecialty()).extracting(cc -> cc.getCoding().size()).containsExactly(1, 1);
        assertThat(role.getSpecialty()).extracting(cc -> cc.getCodingFirstRep())
                .extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly(tuple(NUCC, "1041C0700X", "Clinical Social Worker"),
                        tuple(NUCC, "101YA0400X", "Addiction (Substance Use Disorder) Counselor"));
        assertValid(role, null);
        assertThat(parse(PractitionerRole.class, staff().get(BASE + "/PractitionerRole/" + intern.id())).getSpecialty()).isEmpty();

        String all = Stream.of(counselor, therapist, intern, associate, psychologist).map(r -> r.id().toString()).collect(Collectors.joining(","));
        Bundle social = bundle(roles(all, NUCC + "|1041C0700X").get(BASE + "/PractitionerRole"));
        assertThat(matches(social)).containsExactly(counselor.id().toString());
        assertThat(social.getTotal()).isEqualTo(1);
        assertThat(found("PractitionerRole", roles(all, "101YA0400X"))).containsExactly(counselor.id().toString());
        assertThat(found("PractitionerRole", roles(all, NUCC + "|106H00000X"))).containsExactly(therapist.id().toString());
        // credentials compare ignoring case and dots, in the database query
        assertThat(found("PractitionerRole", roles(all, NUCC + "|101YP2500X"))).containsExactly(associate.id().toString());
        assertThat(found("PractitionerRole", roles(all, NUCC + "|103T00000X"))).containsExactly(psychologist.id().toString());
        assertThat(found("PractitionerRole", roles(all, NUCC + "|"))).containsExactlyInAnyOrder(counselor.id().toString(),
                therapist.id().toString(), associate.id().toString(), psychologist.id().toString());
        assertThat(found("PractitionerRole", roles(all, NUCC + "|363LP0808X"))).isEmpty();
        assertThat(found("PractitionerRole", roles(all, NUCC + "|999999999X"))).isEmpty();
        assertThat(found("PractitionerRole", roles(all, "urn:other|1041C0700X"))).isEmpty();
        assertThat(found("PractitionerRole", roles(all, "|1041C0700X"))).isEmpty();

        assertOutcome(roles(all, "").get(BASE + "/PractitionerRole"), 400, "specialty");
        assertOutcome(roles(all, "|").get(BASE + "/PractitionerRole"), 400, "specialty");
        assertOutcome(roles(all, "1041C0700X,106H00000X").get(BASE + "/PractitionerRole"), 400, "specialty");
    }

    private static RequestSpecification roles(String ids, String specialty) {
        return staff().queryParam("_id", ids).queryParam("specialty", specialty);
    }

    @Test
    void clinicianRecordsAreForTheRolesThatReadThemInTheJsonApi() {
        Registered c = register("Lee" + UUID.randomUUID().toString().substring(0, 8));
        assertOutcome(as("integration", "system/*.rs").get(BASE + "/Practitioner/" + c.id()), 403, null);
        assertOutcome(as("scheduler", "user/Patient.rs").get(BASE + "/Practitioner/" + c.id()), 403, null);
        assertOutcome(as("scheduler", "user/Practitioner.rs").get(BASE + "/PractitionerRole/" + c.id()), 403, null);
    }
}
