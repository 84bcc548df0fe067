package care.iop.plan.worklist.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import care.iop.plan.risk.service.SafetyFlagWorklistSource;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.time.ProgramTime;
import care.iop.platform.worklist.ClinicianWorklist;
import care.iop.platform.worklist.WorklistItem;
import care.iop.platform.worklist.Worklists;
import io.quarkus.arc.All;

/**
 * plan-service's part of a clinician's worklist: the items of every {@link WorklistSource} bean (each capability
 * contributes its own), due up to the end of tomorrow in program time or overdue, sorted and audited once per patient.
 */
@ApplicationScoped
public class PlanWorklist {

    @Inject
    @All
    List<WorklistSource> sources;

    @Inject
    ProgramTime time;

    @Inject
    Worklists worklists;

    @Inject
    SafetyFlagWorklistSource flags;

    @Inject
    CurrentUser user;

    @ConfigProperty(name = "iop.risk.on-call-role", defaultValue = "on-call")
    String onCallRole;

    /**
     * The caller's view of {@code clinicianId}'s items now (403 for another clinician's). A clinician on call (its token
     * carries {@code iop.risk.on-call-role}) also sees the program's open URGENT flags on its own list.
     */
    @Transactional
    public ClinicianWorklist of(UUID clinicianId) {
        worklists.requireAccess(clinicianId);
        OffsetDateTime now = time.now();
        List<WorklistItem> items = items(clinicianId, now);
        if (user.hasRole(onCallRole) && user.clinicianId().map(clinicianId::equals).orElse(false)) {
            items.addAll(flags.urgentItems(now));
        }
        return worklists.answer(clinicianId, now, items);
    }

    /** Every source's items at {@code now}, horizon the end of the program day after {@code now}'s. */
    public List<WorklistItem> items(UUID clinicianId, OffsetDateTime now) {
        OffsetDateTime horizon = time.endOf(time.dayOf(now).plusDays(1));
        List<WorklistItem> items = new ArrayList<>();
        sources.forEach(source -> items.addAll(source.itemsFor(clinicianId, now, horizon)));
        return items;
    }
}
