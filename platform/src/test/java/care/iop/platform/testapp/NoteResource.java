package care.iop.platform.testapp;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.CurrentUser;
import care.iop.platform.security.Roles;
import care.iop.platform.web.Page;
import care.iop.platform.web.PageQuery;

@Path("/api/v1/test-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @POST
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    @Transactional
    @Idempotent
    public Response create(@Valid @NotNull NoteRequest request) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into note (id, patient_id, text, version) values (?1, ?2, ?3, 0)")
                .setParameter(1, id).setParameter(2, request.patientId()).setParameter(3, request.text()).executeUpdate();
        outbox.publish(NoteEvent.TOPIC, id, NoteEvent.TYPE, new NoteEvent(id, request.patientId(), request.text()));
        audit.success(AuditAction.CREATE, "Note", id, request.patientId());
        return Response.created(URI.create("/api/v1/test-notes/" + id)).entity(new NoteEvent(id, request.patientId(), request.text())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN, Roles.PATIENT })
    @Transactional
    public NoteEvent get(@PathParam("id") UUID id) {
        java.util.List<?> rows = em.createNativeQuery("select id, patient_id, text from note where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Note", id);
        }
        Object[] row = (Object[]) rows.get(0);
        NoteEvent note = new NoteEvent((UUID) row[0], (UUID) row[1], (String) row[2]);
        currentUser.requireAccessToPatient(note.patientId(), "Note", id);
        audit.success(AuditAction.READ, "Note", id, note.patientId());
        return note;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Page<String> list(@Valid @BeanParam PageQuery page) {
        return Page.of(java.util.List.of(), page, 0);
    }

    /** A FHIR-style token search: the decoded parameter and the URI the REST layer saw (EdgeErrorsTest). */
    @GET
    @Path("/search")
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public java.util.Map<String, String> search(@jakarta.ws.rs.QueryParam("identifier") String identifier,
                                                @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        return java.util.Map.of("identifier", identifier, "requestUri", uri.getRequestUri().toString());
    }

    /** No role declared: must be denied to everyone. */
    @GET
    @Path("/undeclared")
    public String undeclared() {
        return "should never be served";
    }
}
