package care.iop.participant.privacy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import care.iop.platform.privacy.DisclosureConsent;
import care.iop.platform.privacy.PatientPrivacy;
import care.iop.platform.privacy.PrivacyFacts;
import care.iop.platform.privacy.Purpose;

/**
 * The Part 2 facts from the registry itself: the {@code part2} column of {@code patient} and the unrevoked
 * PART2_DISCLOSURE rows of {@code consent} (the platform's {@code Disclosure} checks the date, to tell an expired
 * consent from none). Plain SQL on the transaction's connection: no flush of the persistence context, one query
 * per call.
 */
@ApplicationScoped
public class ParticipantPrivacyFacts implements PrivacyFacts {
    private static final String OF = """
            select p.id, p.part2, c.id, c.recipient_id, c.purposes, c.expires_on
            from patient p
            left join consent c on c.patient_id = p.id and p.part2 and c.kind = 'PART2_DISCLOSURE' and c.revoked_at is null
            where p.id = any(?)
            order by p.id, c.granted_at, c.id""";

    private static final String DISCLOSABLE = """
            select distinct c.patient_id
            from consent c join patient p on p.id = c.patient_id
            where c.kind = 'PART2_DISCLOSURE' and c.revoked_at is null and c.recipient_id = ? and c.expires_on >= ?
              and ? = any(c.purposes) and p.part2""";

    @Inject
    EntityManager em;

    @Override
    public Map<UUID, PatientPrivacy> of(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> query(connection, patientIds));
    }

    @Override
    public Set<UUID> part2PatientsDisclosableTo(String recipient, Purpose purpose, LocalDate day) {
        if (recipient == null || purpose == null) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DISCLOSABLE)) {
                statement.setString(1, recipient);
                statement.setObject(2, day);
                statement.setString(3, purpose.name());
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    private static Map<UUID, PatientPrivacy> query(Connection connection, Collection<UUID> patientIds) throws SQLException {
        Map<UUID, Boolean> part2 = new HashMap<>();
        Map<UUID, List<DisclosureConsent>> consents = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(OF)) {
            statement.setArray(1, connection.createArrayOf("uuid", patientIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID patientId = rows.getObject(1, UUID.class);
                    part2.put(patientId, rows.getBoolean(2));
                    List<DisclosureConsent> list = consents.computeIfAbsent(patientId, id -> new ArrayList<>());
                    UUID consentId = rows.getObject(3, UUID.class);
                    if (consentId != null) {
                        Date expires = rows.getDate(6);
                        list.add(new DisclosureConsent(consentId, rows.getString(4), purposes(rows.getArray(5)),
                                expires == null ? null : expires.toLocalDate()));
                    }
                }
            }
        }
        Map<UUID, PatientPrivacy> result = new HashMap<>();
        part2.forEach((id, label) -> result.put(id, new PatientPrivacy(id, label, List.copyOf(consents.get(id)))));
        return result;
    }

    private static Set<Purpose> purposes(Array array) throws SQLException {
        Set<Purpose> result = EnumSet.noneOf(Purpose.class);
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                Purpose.parse((String) name).ifPresent(result::add);
            }
        }
        return result;
    }
}
