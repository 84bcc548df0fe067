package care.iop.participant.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import care.iop.events.EventTypes;
import care.iop.events.PatientState;
import care.iop.events.Topics;
import care.iop.participant.domain.Consent;
import care.iop.participant.domain.ConsentKind;
import care.iop.participant.domain.ConsentRepository;
import care.iop.participant.domain.Patient;
import care.iop.participant.domain.PatientRepository;
import care.iop.platform.consistency.AggregateVersion;
import care.iop.platform.consistency.ConsistencyTokens;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.privacy.NameFingerprints;
import care.iop.platform.privacy.PrivacyConfig;
import care.iop.platform.privacy.Purpose;

/**
 * Publishes a patient's full current state through the outbox (never free text), with its Part 2 label, its active
 * consents and the keyed fingerprints of its names and identifier values (never the names). The payload is bounded:
 * every field is an identifier, an enum, a date or a bounded string (recipientId: 200 characters; fingerprints: at most
 * 22 of 40 characters), and the consents are at most one of each other kind plus
 * {@code iop.consents.max-active-disclosures} PART2_DISCLOSURE ones (the newest, should older data hold more).
 */
@ApplicationScoped
public class PatientEvents {

    @Inject
    Outbox outbox;

    @Inject
    ConsistencyTokens tokens;

    @Inject
    PatientRepository patients;

    @Inject
    ConsentRepository consents;

    @Inject
    TimeSource time;

    @ConfigProperty(name = "iop.consents.max-active-disclosures", defaultValue = "20")
    int maxActiveDisclosures;

    /** Holds the key of the name fingerprints: a secret, the same in session-service (docs/security.md, "Name fingerprints"). */
    @Inject
    PrivacyConfig privacy;

    private NameFingerprints fingerprints;

    @PostConstruct
    void init() {
        fingerprints = new NameFingerprints(privacy.fingerprintKey().orElse(null));
    }

    /** Flushes first, so the payload carries the version this change produced; the request answers that version (Consistency-Token). */
    public void publish(Patient patient, String type) {
        patients.flush();
        outbox.publish(Topics.PARTICIPANTS, patient.id, type, state(patient));
        tokens.wrote(AggregateVersion.PATIENT, patient.id, patient.version);
    }

    /** For a patient just registered and flushed (version 0): it has no consents yet, so its state needs no query. */
    public void publishRegistered(Patient patient) {
        outbox.publish(Topics.PARTICIPANTS, patient.id, EventTypes.PATIENT_REGISTERED, state(patient, List.of()));
        tokens.wrote(AggregateVersion.PATIENT, patient.id, patient.version);
    }

    public PatientState state(Patient p) {
        List<Consent> active = new ArrayList<>(consents.activeOf(p.id, time.today()));
        List<Consent> disclosures = active.stream().filter(c -> c.kind == ConsentKind.PART2_DISCLOSURE).toList();
        if (disclosures.size() > maxActiveDisclosures) {
            active.removeAll(disclosures.subList(0, disclosures.size() - maxActiveDisclosures));
        }
        return state(p, active.stream().map(PatientEvents::summary).toList());
    }

    private static PatientState.ConsentSummary summary(Consent c) {
        if (c.kind != ConsentKind.PART2_DISCLOSURE) {
            return new PatientState.ConsentSummary(c.id, c.kind.name(), c.expiresOn);
        }
        return new PatientState.ConsentSummary(c.id, c.kind.name(), c.expiresOn, c.recipientId,
                c.purposeList().stream().map(Purpose::name).toList());
    }

    private PatientState state(Patient p, List<PatientState.ConsentSummary> active) {
        return new PatientState(p.id, p.status.name(), p.track.name(), p.levelOfCare,
                p.groupComfort == null ? null : p.groupComfort.name(),
                p.preferredModality == null ? null : p.preferredModality.name(),
                active, p.dischargedOn, p.version, p.part2, p.birthDate, p.admissionDate, p.dischargeReasonCode,
                fingerprints.fingerprints(Stream.concat(Stream.of(p.givenName, p.familyName), p.identifiers.stream().map(i -> i.value)).toList()));
    }
}
