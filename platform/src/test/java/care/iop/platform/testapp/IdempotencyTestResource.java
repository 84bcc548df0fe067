package care.iop.platform.testapp;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditEntry;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.idempotency.Idempotent;
import care.iop.platform.idempotency.IdempotencyClaim;
import care.iop.platform.idempotency.IdempotentAnswer;
import care.iop.platform.outbox.Outbox;
import care.iop.platform.privacy.Disclosure;
import care.iop.platform.problem.ProblemException;
import care.iop.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** POSTs that honour Idempotency-Key, written the ways the services write theirs. */
@Path("/api/v1/test-idempotent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdempotencyTestResource {
    public record CounterView(UUID id, int value, long version) {
    }

    private static final ExecutorService COMMITTER = Executors.newSingleThreadExecutor();

    @Inject
    IdempotencyTestService service;

    @Inject
    Gate gate;

    @Inject
    AuditLog audit;

    @Inject
    Disclosure disclosure;

    /** A note: text {@code hold} waits at the gate inside the transaction, {@code refuse} breaks a rule (422). */
    @POST
    @Path("/notes")
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Response write(@Valid @NotNull NoteRequest request, @Context UriInfo uri) {
        if ("hold".equals(request.text())) {
            gate.pass();
        }
        if ("refuse".equals(request.text())) {
            throw ProblemException.ruleViolation("text", "refused by a rule");
        }
        NoteEvent note = service.write(request);
        return Response.created(uri.getAbsolutePathBuilder().path(note.id().toString()).build()).tag("0").entity(note).build();
    }

    @POST
    @Path("/counters")
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public CounterView createCounter() {
        TestCounter counter = service.create();
        return new CounterView(counter.id, counter.value, counter.version);
    }

    /** The answer names the version after the increment, which only the flush at the end of the service call produces. */
    @POST
    @Path("/counters/{id}/increment")
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Response increment(@PathParam("id") UUID id) {
        TestCounter counter = service.increment(id);
        return Response.ok(new CounterView(counter.id, counter.value, counter.version)).tag(String.valueOf(counter.version)).build();
    }

    /** The change commits on another thread, as a group commit does: the committer records the answer there. */
    @POST
    @Path("/handed-off")
    @Idempotent(recordedByCommitter = true)
    @RolesAllowed({ Roles.CLINICIAN, Roles.ADMIN })
    public Response handedOff(@Valid @NotNull NoteRequest request, @Context UriInfo uri) throws Exception {
        UUID id = UUID.randomUUID();
        Optional<IdempotencyClaim> claim = IdempotencyClaim.current();
        AuditEntry entry = audit.change(AuditAction.CREATE, "Note", id, request.patientId());
        Outbox.Origin origin = Outbox.Origin.current();
        IdempotentAnswer answer = IdempotentAnswer.created(URI.create(uri.getAbsolutePath() + "/" + id),
                new NoteEvent(id, request.patientId(), request.text()));
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            service.insert(id, request, origin);
            audit.write(entry);
            claim.ifPresent(c -> c.record(answer));
        }), COMMITTER).get();
        return answer.toResponse();
    }

    /** A change answered with a patient's record: for a caller outside the program a disclosure, under the Part 2 rule. */
    @POST
    @Path("/records/{patientId}/acknowledgements")
    @Idempotent
    @RolesAllowed({ Roles.CLINICIAN, Roles.INTEGRATION })
    public Response acknowledge(@PathParam("patientId") UUID patientId) {
        disclosure.require(patientId, "Record", patientId);
        audit.success(AuditAction.UPDATE, "Record", patientId, patientId);
        return Response.ok(new PatientRecordResource.RecordView(patientId, "acknowledged"), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
