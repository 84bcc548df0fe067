package care.iop.plan.measurement.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The instruments a plan schedules itself (a PUT of its assessment schedule). A plan without a row, and an instrument a
 * row does not name, follow the defaults ({@code iop.measurement.*}), so the defaults reach every plan without a row.
 * {@code revision} (from 1; 0 stands for "defaults only") is the ETag; writers hold the plan's row lock.
 */
@Entity
@Table(name = "assessment_schedule")
public class AssessmentSchedule extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Convert(converter = ScheduleEntriesConverter.class)
    public List<InstrumentSchedule> entries;

    public long revision;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
