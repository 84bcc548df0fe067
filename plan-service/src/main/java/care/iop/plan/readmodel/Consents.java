package care.iop.plan.readmodel;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.events.PatientState;

/** Reads a known patient's consents; expiry is evaluated on the day asked. */
@ApplicationScoped
public class Consents {
    public static final String GROUP_PARTICIPATION = "GROUP_PARTICIPATION";

    @Inject
    ObjectMapper json;

    public boolean hasActive(KnownPatient patient, String kind, LocalDate on) {
        return consents(patient).stream().anyMatch(c -> kind.equals(c.kind())
                && (c.expiresOn() == null || !c.expiresOn().isBefore(on)));
    }

    private List<PatientState.ConsentSummary> consents(KnownPatient patient) {
        if (patient.activeConsents == null || patient.activeConsents.isBlank()) {
            return List.of();
        }
        try {
            return json.readerFor(new TypeReference<List<PatientState.ConsentSummary>>() { })
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(patient.activeConsents);
        } catch (Exception e) {
            return List.of();
        }
    }
}
