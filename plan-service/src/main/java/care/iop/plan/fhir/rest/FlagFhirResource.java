package care.iop.plan.fhir.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;

import care.iop.fhir.FhirAccess;
import care.iop.fhir.FhirAnswers;
import care.iop.fhir.FhirMedia;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.Interaction;
import care.iop.fhir.SearchBundles;
import care.iop.plan.fhir.mapping.SafetyFlagMapper;
import care.iop.plan.outcomes.domain.SafetyFlag;
import care.iop.plan.outcomes.service.SafetyFlagService;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;

/**
 * Safety flags as base R4 Flags (category safety): read, vread (current version) and search by patient, status,
 * category, {@code _id} and {@code _lastUpdated}, through {@link SafetyFlagService} (audited), for clinicians and admins
 * as the JSON safety-flag queue.
 */
@Path(FhirMedia.BASE_PATH + "/Flag")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class FlagFhirResource {
    static final String TYPE = "Flag";
    static final Set<String> PARAMETERS = Set.of("_id", "patient", "status", "category");

    @Inject
    FhirAccess access;

    @Inject
    FhirRequest request;

    @Inject
    SafetyFlagService flags;

    @Inject
    PlanFhirResources resources;

    /**
     * Scope Flag.r. Active while open, inactive once acknowledged or resolved; clinicians and admins only, as the JSON
     * safety-flag queue. If-None-Match naming the current version answers 304.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Response read(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return FhirAnswers.read(flag(id), ifNoneMatch);
    }

    /** Scope Flag.r. Only the current version is kept; another version id answers 404. */
    @GET
    @Path("/{id}/_history/{vid}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Response vread(@PathParam("id") String id, @PathParam("vid") String versionId) {
        return FhirAnswers.vread(flag(id), versionId);
    }

    /**
     * Scope Flag.s. Parameters _id, patient, status (active, inactive), category (safety), _lastUpdated, _count,
     * _offset. Oldest first.
     */
    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Bundle search() {
        access.require(TYPE, Interaction.SEARCH);
        SearchParams params = new SearchParams(request.queryParameters(), PARAMETERS);
        Set<Set<SafetyFlag.Status>> chosen = params.tokens("status", null, FlagFhirResource::statuses);
        Set<SafetyFlag.Status> statuses = chosen == null ? null : EnumSet.noneOf(SafetyFlag.Status.class);
        if (chosen != null) {
            chosen.forEach(statuses::addAll);
        }
        SearchParams.Window changed = params.lastUpdated();
        int count = params.count();
        int offset = params.offset();
        if (!params.tokenAllows("category", SafetyFlagMapper.CATEGORY_SYSTEM, SafetyFlagMapper.CATEGORY)) {
            return SearchBundles.searchset(request, List.of(), 0, offset, count, List.of());
        }
        Page<SafetyFlag> found = flags.list(new SafetyFlagService.Filter(statuses, params.ids(), params.reference("patient", "Patient"),
                null, null, null, null, changed.from(), changed.before()), offset, count);
        return SearchBundles.searchset(request, resources.flags(found.items()), found.total(), offset, count, List.of());
    }

    /** Our statuses behind a Flag status: active is open, inactive is acknowledged or resolved. */
    private static Optional<Set<SafetyFlag.Status>> statuses(String code) {
        return switch (code) {
            case "active" -> Optional.of(EnumSet.of(SafetyFlag.Status.OPEN));
            case "inactive" -> Optional.of(EnumSet.of(SafetyFlag.Status.ACKNOWLEDGED, SafetyFlag.Status.RESOLVED));
            default -> Optional.empty();
        };
    }

    private Flag flag(String id) {
        access.require(TYPE, Interaction.READ);
        UUID flagId = FhirAnswers.id(TYPE, id);
        return SafetyFlagMapper.toFhir(flags.get(flagId));
    }
}
