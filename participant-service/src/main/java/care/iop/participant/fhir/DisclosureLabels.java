package care.iop.participant.fhir;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Resource;

import care.iop.fhir.Part2Labels;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.ConsentKind;
import care.iop.platform.privacy.Disclosure;

/**
 * Puts the 42 CFR Part 2 labels ({@link Part2Labels}) where the JSON API puts the re-disclosure notice: on a record of
 * a Part 2 patient answered to a caller outside the program on the strength of the patient's consent (the services
 * checked the consent and, through the audit trail, remembered it: {@link Disclosure#consentFor}), and on every
 * PART2_DISCLOSURE consent (whose JSON form always carries the notice). Call it after the service that read the record.
 */
@ApplicationScoped
public class DisclosureLabels {

    @Inject
    Disclosure disclosure;

    @Inject
    Part2Labels labels;

    /** A record of {@code patientId}: labelled when its answer is a disclosure. */
    public <R extends Resource> R ofPatient(R resource, UUID patientId) {
        return disclosure.consentFor(patientId).isPresent() ? labels.apply(resource) : resource;
    }

    public <R extends Resource> R ofConsent(R resource, Consent consent) {
        return consent.kind == ConsentKind.PART2_DISCLOSURE ? labels.apply(resource) : ofPatient(resource, consent.patientId);
    }
}
