package care.iop.platform.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.security.Roles;

/** Patient records answered through the Part 2 gate, as a service does it. */
@Path("/api/v1/test-records")
@Produces(MediaType.APPLICATION_JSON)
public class PatientRecordResource {
    public record RecordView(UUID patientId, String text) {
    }

    public record RecordList(List<RecordView> items, int total) {
    }

    @Inject
    Disclosure disclosure;

    @Inject
    AuditLog audit;

    @GET
    @Path("/{patientId}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.INTEGRATION })
    public RecordView get(@PathParam("patientId") UUID patientId) {
        disclosure.require(patientId, "Record", patientId);
        audit.success(AuditAction.READ, "Record", patientId, patientId);
        return new RecordView(patientId, "record of " + patientId);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.INTEGRATION })
    public RecordList list(@QueryParam("patient") List<UUID> patients) {
        List<RecordView> items = disclosure.retain(patients.stream().map(id -> new RecordView(id, "record of " + id)).toList(),
                RecordView::patientId);
        audit.success(AuditAction.SEARCH, "Record", null, items.stream().map(RecordView::patientId).toList());
        return new RecordList(items, items.size());
    }

    /** The same read answered as a {@code Response}: not typed yet when the response filters run. */
    @GET
    @Path("/{patientId}/response")
    @RolesAllowed({ Roles.CLINICIAN, Roles.INTEGRATION })
    public jakarta.ws.rs.core.Response getAsResponse(@PathParam("patientId") UUID patientId) {
        return jakarta.ws.rs.core.Response.ok(get(patientId)).build();
    }

    /** A list whose filter was forgotten: the audit trail's safety net must stop it. */
    @GET
    @Path("/unfiltered")
    @RolesAllowed({ Roles.CLINICIAN, Roles.INTEGRATION })
    public Map<String, Object> unfiltered(@QueryParam("patient") List<UUID> patients) {
        audit.success(AuditAction.SEARCH, "Record", null, patients);
        return Map.of("count", patients.size());
    }
}
