package care.iop.participant.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.Interaction;
import care.iop.participant.domain.Consent;
import care.iop.participant.service.ConsentService;
import care.iop.platform.security.Roles;

/**
 * FHIR R4 Consent (scope patient-privacy; a PART2_DISCLOSURE names the 42 CFR Part 2 policy and carries its security
 * labels): read, vread of the current version and search by patient, for the roles that list consents in the JSON API
 * (not callers outside the program); a patient token sees its own only.
 */
@Path(FhirMedia.BASE_PATH + "/Consent")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class ConsentFhirResource {
    static final String TYPE = "Consent";

    @Inject
    FhirAccess access;

    @Inject
    ConsentService consents;

    @Inject
    ConsentFhirSearch search;

    @Inject
    ConsentMapper mapper;

    @Inject
    DisclosureLabels labels;

    /**
     * One consent, its status evaluated today (a revocation makes a new version). A patient token reads only its own
     * (another's is 404).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    public Response read(@PathParam("id") String id) {
        return read(id, null);
    }

    /** The registry keeps the current version only: its versionId answers as read does, any other is 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String vid) {
        return read(id, vid);
    }

    /**
     * Parameters patient (required, except for a patient token: its own), status, _id, _lastUpdated, _count, _offset;
     * {@code _include=Consent:patient}. Oldest first; another patient than a patient token's own is 404.
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SCHEDULER, Roles.CLINICIAN, Roles.PATIENT })
    public Response search() {
        access.require(TYPE, Interaction.SEARCH);
        return Response.ok(search.search(), FhirMedia.FHIR_JSON).build();
    }

    private Response read(String id, String vid) {
        access.require(TYPE, Interaction.READ);
        Consent consent = consents.get(FhirAnswers.id(TYPE, id.strip()));
        if (vid != null) {
            FhirAnswers.requireCurrent(TYPE, id, vid, consent.version);
        }
        return FhirAnswers.ok(labels.ofConsent(mapper.toFhir(consent, consents.today()), consent), FhirMedia.FHIR_JSON);
    }
}
