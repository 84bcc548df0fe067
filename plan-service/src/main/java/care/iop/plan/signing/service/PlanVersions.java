package care.iop.plan.signing.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import care.iop.plan.domain.CarePlan;
import care.iop.plan.signing.domain.PlanVersion;
import care.iop.plan.signing.domain.VersionCause;
import care.iop.platform.security.CurrentUser;
import io.quarkus.arc.Arc;

/**
 * The one entry point for plan versions: every change of a plan's clinical content calls {@link #record} once the plan
 * carries the change (creation, PUT, a modality switch, a review, a level change). It snapshots the clinical content,
 * compares it with the plan's latest version and, when something differs (or for the first version), writes the next
 * version and moves {@code care_plan.current_version} to it.
 */
@ApplicationScoped
public class PlanVersions {

    /** Numbers compare by value (8.5 = 8.50, 9 = 9.0): snapshots written by SQL and by Java agree. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser user;

    /**
     * Records the plan's clinical content as its next version when it differs from the latest one (always for a plan
     * without versions). {@code signatureRequired}: the version must be signed before it is in force; when false, it is in
     * force at once on the signatures of the version before (a plan without a version in force always needs them).
     * Call it in the transaction that changes the plan, after the change; for a new plan before {@code persist()} (Hibernate
     * inserts the values the plan had when persisted: set later, {@code current_version} would cost an update and a version).
     *
     * @return the new version; empty when the clinical content did not change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PlanVersion> record(CarePlan plan, VersionCause cause, boolean signatureRequired) {
        ObjectNode content = snapshot(plan);
        List<String> changes;
        if (plan.currentVersion == 0) {
            changes = present(content);
        } else {
            JsonNode before = read(PlanVersion.of(plan.id, plan.currentVersion).orElseThrow().content);
            changes = changes(before, content);
            if (changes.isEmpty()) {
                return Optional.empty();
            }
        }
        PlanVersion version = new PlanVersion();
        version.planId = plan.id;
        version.number = plan.currentVersion + 1;
        version.content = content.toString();
        version.changes = json.valueToTree(changes).toString();
        version.causeCode = cause.code();
        version.signatureRequired = signatureRequired || plan.signedVersion == null;
        version.createdBy = subject();
        version.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        plan.currentVersion = version.number;
        if (!version.signatureRequired) {
            plan.signedVersion = version.number;
        }
        version.persist();
        return Optional.of(version);
    }

    /**
     * The clinical content of a plan as a version keeps it. A field added to the plan's clinical content belongs here
     * (and, for plans written before it existed, counts as unchanged while empty).
     */
    public ObjectNode snapshot(CarePlan plan) {
        ObjectNode content = json.createObjectNode();
        content.put("levelOfCare", plan.levelOfCare);
        content.put("startDate", text(plan.startDate));
        content.put("durationWeeks", plan.durationWeeks);
        content.put("endDate", text(plan.endDate));
        content.put("reviewIntervalDays", plan.reviewIntervalDays);
        content.set("problems", read(plan.problems));
        content.set("goals", read(plan.goals));
        content.set("interventions", read(plan.interventions));
        content.put("rationale", plan.rationale);
        ObjectNode modality = content.putObject("modality");
        modality.put("individualSessionsPerWeek", plan.individualSessionsPerWeek);
        modality.put("individualSessionMinutes", plan.individualSessionMinutes);
        modality.put("groupHoursPerWeek", plan.groupHoursPerWeek);
        modality.put("familySessionsPerWeek", plan.familySessionsPerWeek);
        content.put("modalityEffectiveFrom", text(plan.modalityEffectiveFrom));
        content.put("modalityRationale", plan.modalityRationale);
        content.put("belowMinimumJustification", plan.belowMinimumJustification);
        return content;
    }

    /** The snapshot fields that differ; a field the older snapshot lacks differs only when it now holds something. */
    public static List<String> changes(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = after.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode now = after.get(name);
            JsonNode then = before.get(name);
            if (then == null ? !empty(now) : !then.equals(BY_VALUE, now)) {
                changed.add(name);
            }
        }
        return changed;
    }

    public JsonNode read(String text) {
        try {
            return text == null ? json.createArrayNode() : json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("Stored plan document is unreadable", e);
        }
    }

    private static List<String> present(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(name -> {
            if (!empty(content.get(name))) {
                names.add(name);
            }
        });
        return names;
    }

    private static boolean empty(JsonNode node) {
        return node == null || node.isNull() || (node.isContainerNode() && node.isEmpty());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private String subject() {
        return Arc.container().requestContext().isActive() ? user.subject() : "system";
    }
}
