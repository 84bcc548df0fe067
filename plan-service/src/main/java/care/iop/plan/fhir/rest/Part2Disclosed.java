package care.iop.plan.fhir.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.Part2Labels;
import care.iop.platform.privacy.Disclosure;

/**
 * Labels a resource as a disclosed 42 CFR Part 2 record ({@link Part2Labels}) exactly where the JSON API adds the
 * re-disclosure notice: when this request disclosed the patient's records under a consent ({@link Disclosure#consentFor},
 * known once the service that read them has checked and audited the disclosure). Records that may not be disclosed never
 * get here: the services leave them out (404, or absent from a search).
 */
@ApplicationScoped
public class Part2Disclosed {

    @Inject
    Disclosure disclosure;

    @Inject
    Part2Labels labels;

    public <R extends Resource> R label(R resource, UUID patientId) {
        return disclosure.consentFor(patientId).isPresent() ? labels.apply(resource) : resource;
    }
}
