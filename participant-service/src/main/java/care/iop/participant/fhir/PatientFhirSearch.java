package care.iop.participant.fhir;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;

import care.iop.fhir.DateRange;
import care.iop.fhir.FhirException;
import care.iop.fhir.FhirRequest;
import care.iop.fhir.FhirSearch;
import care.iop.fhir.SearchBundles;
import care.iop.fhir.Token;
import care.iop.participant.domain.Gender;
import care.iop.participant.domain.Patient;
import care.iop.participant.service.PatientCriteria;
import care.iop.participant.service.PatientSearch;
import care.iop.participant.service.SearchResult;

/**
 * {@code GET /fhir/R4/Patient?...}: the FHIR search parameters as the registry's {@link PatientCriteria}, run by the
 * JSON API's {@link PatientSearch} (same Part 2 filter, one audit row per patient returned), as a searchset Bundle.
 * {@code identifier} is a token ({@code system|value}, {@code value}, {@code system|}); the registry id is an identifier
 * too ({@value ParticipantFhirUrls#PATIENT_ID_SYSTEM}). {@code name}, {@code family} and {@code given} match the start of
 * a word ({@code :exact}, {@code :contains}); {@code gender=unknown} also finds patients whose gender is not recorded.
 */
@ApplicationScoped
public class PatientFhirSearch {
    static final Set<String> PARAMETERS = Set.of("_id", "identifier", "name", "family", "given", "birthdate", "gender");
    static final Set<String> STRINGS = Set.of("name", "family", "given");
    private static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";

    @Inject
    PatientSearch search;

    @Inject
    PatientMapper mapper;

    @Inject
    DisclosureLabels labels;

    @Inject
    FhirRequest request;

    public Bundle search() {
        SearchParameters query = SearchParameters.of(request.queryParameters(), PARAMETERS, STRINGS);
        query.includes(Set.of());
        PatientCriteria criteria = criteria(query);
        int count = query.count();
        int offset = query.offset();
        SearchResult<Patient> found = search.search(criteria, offset, count);
        return SearchBundles.searchset(request, found.items().stream().map(p -> labels.ofPatient(mapper.toFhir(p), p.id)).toList(),
                found.total(), offset, count, List.of());
    }

    static PatientCriteria criteria(SearchParameters query) {
        PatientCriteria criteria = new PatientCriteria();
        Set<UUID> ids = query.ids().orElse(null);
        query.string("name").ifPresent(criteria::name);
        query.string("family").ifPresent(criteria::family);
        query.string("given").ifPresent(criteria::given);
        var identifier = query.single("identifier").map(value -> FhirSearch.token("identifier", value));
        if (identifier.isPresent()) {
            Token token = identifier.get();
            String value = token.code() == null || token.code().isEmpty() ? null : token.code();
            if (ParticipantFhirUrls.PATIENT_ID_SYSTEM.equals(token.system())) {
                Set<UUID> own = value == null ? null : SearchParameters.uuidOrNull(value).map(Set::of).orElse(Set.of());
                ids = own == null ? ids : intersect(ids, own);
            } else {
                criteria.identifier(token.system(), value);
            }
        }
        if (ids != null) {
            criteria.ids(ids);
        }
        SearchParameters.Days born = query.days("birthdate");
        criteria.born(born.from(), born.before());
        List<String> genders = query.list("gender");
        if (query.has("gender")) {
            if (genders.isEmpty()) {
                throw FhirException.badRequest("Search parameter gender has no value", "gender");
            }
            Set<Gender> wanted = EnumSet.noneOf(Gender.class);
            genders.forEach(value -> wanted.add(gender(value)));
            criteria.genders(wanted, wanted.contains(Gender.UNKNOWN));
        }
        DateRange updated = query.lastUpdated();
        criteria.updated(updated.from(), updated.to());
        return criteria;
    }

    private static Set<UUID> intersect(Set<UUID> ids, Set<UUID> more) {
        if (ids == null) {
            return more;
        }
        Set<UUID> both = new HashSet<>(ids);
        both.retainAll(more);
        return both;
    }

    private static Gender gender(String value) {
        Token token = FhirSearch.token("gender", value);
        if (token.system() != null && !token.system().equals(GENDER_SYSTEM)) {
            throw FhirException.badRequest("gender codes are of " + GENDER_SYSTEM + ", got " + value, "gender");
        }
        for (Gender gender : Gender.values()) {
            if (gender.toString().equals(token.code())) {
                return gender;
            }
        }
        throw FhirException.badRequest("gender must be male, female, other or unknown, got " + value, "gender");
    }
}
