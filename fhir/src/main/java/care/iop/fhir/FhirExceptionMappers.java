package care.iop.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers FHIR refusals and unparseable FHIR bodies with an {@code OperationOutcome}. */
public class FhirExceptionMappers {

    @ServerExceptionMapper
    public Response fhir(FhirException e) {
        return outcome(e.status(), OperationOutcomes.of(e));
    }

    /** The parser's own complaint (wrong resourceType, malformed JSON): a 400 with its message. */
    @ServerExceptionMapper
    public Response unparseable(DataFormatException e) {
        return outcome(400, OperationOutcomes.error(IssueType.STRUCTURE, e.getMessage(), null));
    }

    static Response outcome(int status, org.hl7.fhir.r4.model.OperationOutcome body) {
        return Response.status(status).type(FhirMedia.FHIR_JSON).entity(body).build();
    }
}
