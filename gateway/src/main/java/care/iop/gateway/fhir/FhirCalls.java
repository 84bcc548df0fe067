package care.iop.gateway.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import care.iop.gateway.audit.UpstreamReads;
import care.iop.gateway.audit.UpstreamReads.UpstreamAnswer;

/**
 * The gateway's own FHIR reads of the services (metadata, {@code $everything} parts, a Group before its export): the
 * gateway's one way of asking the services ({@link UpstreamReads}: request id, the client's forwarding headers, so the
 * services write public URLs), asking for FHIR JSON and, unless it is a public read, with the caller's token; and the
 * OperationOutcome a failed call becomes.
 */
@ApplicationScoped
public class FhirCalls {

    @Inject
    UpstreamReads reads;

    /** {@code GET pathAndQuery} of {@code upstream}: its JSON when it answers 200, else a failed future (see {@link UpstreamReads}). */
    public Future<JsonObject> get(RoutingContext ctx, String upstream, String pathAndQuery, boolean withToken) {
        return reads.getJson(ctx, upstream, pathAndQuery, OperationOutcomes.FHIR_JSON, withToken);
    }

    /** A service's own 4xx FHIR answer (unknown patient, scope refused): the caller's answer, not a fault. */
    public static boolean refusal(Throwable error) {
        return error instanceof UpstreamAnswer answer && answer.status >= 400 && answer.status < 500 && answer.contentType != null
                && answer.contentType.startsWith(OperationOutcomes.FHIR_JSON);
    }

    /**
     * Answers a failed call as an OperationOutcome: a service's own 4xx OperationOutcome as it is; a 4xx problem of its
     * JSON API as an OperationOutcome with the same status and detail; anything else as {@link UpstreamReads} answers it
     * (502, or 503/504 when the service did not answer, naming it by role; an OperationOutcome on these paths).
     */
    public static void answerFailure(RoutingContext ctx, Throwable error) {
        if (refusal(error) && error instanceof UpstreamAnswer answer) {
            ctx.response().setStatusCode(answer.status).putHeader("Content-Type", answer.contentType).end(answer.body);
        } else if (UpstreamReads.refusedByService(error) && error instanceof UpstreamAnswer answer) {
            OperationOutcomes.send(ctx, answer.status, detail(answer));
        } else {
            UpstreamReads.answerFailure(ctx, error, "The gateway could not compose the answer.");
        }
    }

    private static String detail(UpstreamAnswer answer) {
        try {
            String detail = answer.body.toJsonObject().getString("detail");
            if (detail != null) {
                return detail;
            }
        } catch (RuntimeException notJson) {
            // below
        }
        return "The " + answer.upstream + " service refused the request (" + answer.status + ").";
    }
}
