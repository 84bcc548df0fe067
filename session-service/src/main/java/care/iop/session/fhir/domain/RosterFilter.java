package care.iop.session.fhir.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What group sessions (Slots, Groups) a search or an export asks for; every criterion is optional (null: any) and they
 * combine.
 *
 * @param ids         these sessions only
 * @param clinicians  led by one of these clinicians (the Slot's Schedule, the Group's managing entity)
 * @param members     with one of these patients as a member (a seat held now or before)
 * @param statuses    with one of these FHIR Slot statuses
 * @param start       starting in this window
 * @param lastUpdated changed (the session or a booking in it) in this window
 */
public record RosterFilter(Set<UUID> ids, Set<UUID> clinicians, Set<UUID> members, Set<String> statuses, TimeWindow start,
                           TimeWindow lastUpdated) {

    public static RosterFilter all() {
        return new RosterFilter(null, null, null, null, TimeWindow.ANY, TimeWindow.ANY);
    }

    public RosterFilter ids(Set<UUID> value) {
        return new RosterFilter(value, clinicians, members, statuses, start, lastUpdated);
    }

    public RosterFilter clinicians(Set<UUID> value) {
        return new RosterFilter(ids, value, members, statuses, start, lastUpdated);
    }

    public RosterFilter members(Set<UUID> value) {
        return new RosterFilter(ids, clinicians, value, statuses, start, lastUpdated);
    }

    public RosterFilter statuses(Set<String> value) {
        return new RosterFilter(ids, clinicians, members, value, start, lastUpdated);
    }

    public RosterFilter start(TimeWindow value) {
        return new RosterFilter(ids, clinicians, members, statuses, value, lastUpdated);
    }

    public RosterFilter lastUpdated(TimeWindow value) {
        return new RosterFilter(ids, clinicians, members, statuses, start, value);
    }
}
