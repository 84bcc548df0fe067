package care.iop.participant.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import care.iop.platform.db.DirectSql;
import io.agroal.api.AgroalDataSource;

/**
 * The two busiest statements of the registry in plain SQL: registering a patient (its row and its identifiers in one
 * statement) and reading one by id (one statement). Through Hibernate ORM the same work built a persistence context,
 * cascaded over the identifier collection, took snapshots and dirty-checked them at every commit, and a read ran in a
 * transaction of its own; the patients these methods return are plain objects, not managed by Hibernate (a change
 * goes through {@link PatientRepository}, which loads the patient, as before). docs/performance-log.md has the
 * measurements.
 */
@ApplicationScoped
public class PatientRows {
    private static final String COLUMNS = "id, given_name, family_name, birth_date, gender, track, level_of_care, phone, email, "
            + "admission_date, status, discharged_on, discharge_reason, discharge_reason_code, group_comfort, preferred_modality, "
            + "considerations, preferred_days, created_at, updated_at, version, part2";
    private static final String INSERT = "insert into patient (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "select p.id, p.given_name, p.family_name, p.birth_date, p.gender, p.track, p.level_of_care, "
            + "p.phone, p.email, p.admission_date, p.status, p.discharged_on, p.discharge_reason, p.discharge_reason_code, "
            + "p.group_comfort, p.preferred_modality, p.considerations, p.preferred_days, p.created_at, p.updated_at, p.version, "
            + "p.part2, i.system, i.value from patient p left join patient_identifier i on i.patient_id = p.id where p.id = ?";
    /** Statements for 1 to this many identifiers are kept as they are; more identifiers (up to 20) build theirs each time. */
    private static final int CACHED = 4;
    private static final String[] INSERT_WITH_IDENTIFIERS = new String[CACHED + 1];

    static {
        for (int n = 1; n <= CACHED; n++) {
            INSERT_WITH_IDENTIFIERS[n] = insertWithIdentifiers(n);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Inserts a new patient (its id and version set) with its identifiers in the current transaction, in one statement.
     * An identifier another patient holds fails the statement as Hibernate's {@code ConstraintViolationException}, as
     * a flush did.
     */
    public void insert(Patient p) {
        int n = p.identifiers.size();
        List<Object> params = new ArrayList<>(22 + 3 * n);
        params.add(p.id);
        params.add(p.givenName);
        params.add(p.familyName);
        params.add(p.birthDate);
        params.add(name(p.gender));
        params.add(name(p.track));
        params.add(p.levelOfCare);
        params.add(p.phone);
        params.add(p.email);
        params.add(p.admissionDate);
        params.add(name(p.status));
        params.add(p.dischargedOn);
        params.add(p.dischargeReason);
        params.add(p.dischargeReasonCode);
        params.add(name(p.groupComfort));
        params.add(name(p.preferredModality));
        params.add(p.considerations);
        params.add(p.preferredDays);
        params.add(OffsetDateTime.ofInstant(p.createdAt, ZoneOffset.UTC));
        params.add(OffsetDateTime.ofInstant(p.updatedAt, ZoneOffset.UTC));
        params.add(p.version);
        params.add(p.part2);
        for (Identifier identifier : p.identifiers) {
            params.add(p.id);
            params.add(identifier.system);
            params.add(identifier.value);
        }
        String sql = n == 0 ? INSERT : n <= CACHED ? INSERT_WITH_IDENTIFIERS[n] : insertWithIdentifiers(n);
        DirectSql.update(em, sql, params.toArray());
    }

    /** The patient as stored, or empty; on the current transaction's connection when there is one, else in autocommit. */
    public Optional<Patient> read(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                Patient patient = null;
                while (rs.next()) {
                    if (patient == null) {
                        patient = patient(rs);
                    }
                    String system = rs.getString(23);
                    if (system != null) {
                        patient.identifiers.add(new Identifier(system, rs.getString(24)));
                    }
                }
                return Optional.ofNullable(patient);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read patient " + id + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private static Patient patient(ResultSet rs) throws SQLException {
        Patient p = new Patient();
        p.id = rs.getObject(1, UUID.class);
        p.givenName = rs.getString(2);
        p.familyName = rs.getString(3);
        p.birthDate = rs.getObject(4, java.time.LocalDate.class);
        p.gender = value(Gender.class, rs.getString(5));
        p.track = value(Track.class, rs.getString(6));
        p.levelOfCare = rs.getString(7);
        p.phone = rs.getString(8);
        p.email = rs.getString(9);
        p.admissionDate = rs.getObject(10, java.time.LocalDate.class);
        p.status = value(PatientStatus.class, rs.getString(11));
        p.dischargedOn = rs.getObject(12, java.time.LocalDate.class);
        p.dischargeReason = rs.getString(13);
        p.dischargeReasonCode = rs.getString(14);
        p.groupComfort = value(GroupComfort.class, rs.getString(15));
        p.preferredModality = value(Modality.class, rs.getString(16));
        p.considerations = rs.getString(17);
        p.preferredDays = rs.getString(18);
        p.createdAt = rs.getObject(19, OffsetDateTime.class).toInstant();
        p.updatedAt = rs.getObject(20, OffsetDateTime.class).toInstant();
        p.version = rs.getLong(21);
        p.part2 = rs.getBoolean(22);
        return p;
    }

    /** The patient's row and its identifiers' rows in one statement (the foreign key is checked at its end). */
    private static String insertWithIdentifiers(int n) {
        StringBuilder sql = new StringBuilder("with new_patient as (").append(INSERT)
                .append(") insert into patient_identifier (patient_id, system, value) values ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?)");
        }
        return sql.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
