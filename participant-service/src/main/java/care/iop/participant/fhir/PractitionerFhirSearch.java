package care.iop.participant.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.DateRange;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.FhirSearch;
import care.iop.fhir.SearchBundles;
import care.iop.fhir.Token;
import care.iop.participant.domain.Clinician;
import care.iop.participant.service.ClinicianCriteria;
import care.iop.participant.service.ClinicianService;
import care.iop.participant.service.SearchResult;

/**
 * {@code GET /fhir/R4/Practitioner?...} and {@code GET /fhir/R4/PractitionerRole?...}: the FHIR search parameters as the
 * registry's {@link ClinicianCriteria}, run by the JSON API's {@link ClinicianService}, as searchset Bundles. Both
 * resources are views of the same clinicians (one role each, with the clinician's id), so both searches share it.
 * Practitioner: {@code _id}, {@code identifier} (the NPI: {@value ParticipantFhirUrls#NPI_SYSTEM}|value or the value),
 * {@code name}, {@code family}, {@code given}, {@code active}; PractitionerRole: {@code _id}, {@code practitioner},
 * {@code specialty} (US Core's SHALL: a NUCC taxonomy code, found through the credentials that map to it, see
 * {@link ProviderTaxonomy}), {@code active}, and
 * {@code _include=PractitionerRole:practitioner}; both {@code _lastUpdated}.
 */
@ApplicationScoped
public class PractitionerFhirSearch {
    static final Set<String> PRACTITIONER_PARAMETERS = Set.of("_id", "identifier", "name", "family", "given", "active");
    static final Set<String> ROLE_PARAMETERS = Set.of("_id", "practitioner", "specialty", "active");
    static final Set<String> STRINGS = Set.of("name", "family", "given");
    static final String INCLUDE_PRACTITIONER = "PractitionerRole:practitioner";

    @Inject
    ClinicianService clinicians;

    @Inject
    PractitionerMapper practitioners;

    @Inject
    PractitionerRoleMapper roles;

    @Inject
    FhirRequest request;

    public Bundle practitioners() {
        SearchParameters query = SearchParameters.of(request.queryParameters(), PRACTITIONER_PARAMETERS, STRINGS);
        query.includes(Set.of());
        ClinicianCriteria criteria = common(query);
        query.ids().ifPresent(criteria::ids);
        query.string("name").ifPresent(criteria::name);
        query.string("family").ifPresent(criteria::family);
        query.string("given").ifPresent(criteria::given);
        query.single("identifier").map(value -> FhirSearch.token("identifier", value)).ifPresent(token -> npi(token, criteria));
        int count = query.count();
        int offset = query.offset();
        SearchResult<Clinician> found = clinicians.search(criteria, offset, count);
        return SearchBundles.searchset(request, found.items().stream().map(practitioners::toFhir).toList(), found.total(), offset, count,
                List.of());
    }

    public Bundle roles() {
        SearchParameters query = SearchParameters.of(request.queryParameters(), ROLE_PARAMETERS, Set.of());
        Set<String> includes = query.includes(Set.of(INCLUDE_PRACTITIONER, INCLUDE_PRACTITIONER + ":Practitioner"));
        ClinicianCriteria criteria = common(query);
        Set<UUID> ids = query.ids().orElse(null);
        var practitioner = query.single("practitioner").map(value -> FhirSearch.reference("practitioner", value, "Practitioner"));
        if (practitioner.isPresent()) {
            ids = ids == null ? Set.of(practitioner.get()) : intersect(ids, practitioner.get());
        }
        query.single("specialty").map(value -> FhirSearch.token("specialty", value))
                .ifPresent(token -> criteria.anyCredential(credentials(token)));
        if (ids != null) {
            criteria.ids(ids);
        }
        int count = query.count();
        int offset = query.offset();
        SearchResult<Clinician> found = clinicians.search(criteria, offset, count);
        List<Resource> included = new ArrayList<>();
        if (!includes.isEmpty()) {
            found.items().forEach(c -> included.add(practitioners.toFhir(c)));
        }
        return SearchBundles.searchset(request, found.items().stream().map(roles::toFhir).toList(), found.total(), offset, count, included);
    }

    /** {@code active} and {@code _lastUpdated}. */
    private static ClinicianCriteria common(SearchParameters query) {
        ClinicianCriteria criteria = new ClinicianCriteria();
        query.single("active").ifPresent(value -> criteria.active(switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw FhirException.badRequest("active must be true or false, got " + value, "active");
        }));
        DateRange updated = query.lastUpdated();
        criteria.updated(updated.from(), updated.to());
        return criteria;
    }

    /**
     * The credentials of the roles a {@code specialty} token finds: those mapping to its NUCC code ({@code system|code} or
     * {@code code}), any mapped one ({@code system|}); none for another system or for {@code |code} (no system: every
     * specialty here has one). A token naming neither code nor system ({@code |}) is a 400.
     */
    static Set<String> credentials(Token token) {
        boolean anyCode = token.code() == null || token.code().isBlank();
        if (token.system() != null && token.system().isBlank() && anyCode) {
            throw FhirException.badRequest("Search parameter specialty needs a code, system|code or system|, got |", "specialty");
        }
        if (token.system() != null && !token.system().equals(ParticipantFhirUrls.NUCC_TAXONOMY)) {
            return Set.of();
        }
        return anyCode ? ProviderTaxonomy.mappedCredentials() : ProviderTaxonomy.credentialsFor(token.code());
    }

    /** The NPI a token names; a token of another system names nobody here. */
    private static void npi(Token token, ClinicianCriteria criteria) {
        if (token.system() != null && !token.system().equals(ParticipantFhirUrls.NPI_SYSTEM)) {
            criteria.ids(Set.of());
        } else if (token.code() != null && !token.code().isEmpty()) {
            criteria.npi(token.code());
        }
    }

    private static Set<UUID> intersect(Set<UUID> ids, UUID id) {
        Set<UUID> both = new HashSet<>(ids);
        both.retainAll(Set.of(id));
        return both;
    }
}
