package care.iop.plan.discharge.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import care.iop.plan.discharge.domain.DischargeSummary;
import care.iop.plan.discharge.domain.InstrumentScores;
import care.iop.plan.discharge.domain.ObjectiveOutcome;
import care.iop.plan.discharge.domain.Referral;

/** The JSON columns of a discharge summary ({@code scores}, {@code objectives}, {@code referrals}) as domain records. */
@ApplicationScoped
public class SummaryDocuments {

    @Inject
    ObjectMapper json;

    public List<InstrumentScores> scores(DischargeSummary summary) {
        return read(summary.scores, new TypeReference<List<InstrumentScores>>() { });
    }

    public List<ObjectiveOutcome> objectives(DischargeSummary summary) {
        return read(summary.objectives, new TypeReference<List<ObjectiveOutcome>>() { });
    }

    public List<Referral> referrals(DischargeSummary summary) {
        return read(summary.referrals, new TypeReference<List<Referral>>() { });
    }

    public String write(List<?> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialize a discharge summary document", e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("Stored discharge summary document is unreadable", e);
        }
    }
}
