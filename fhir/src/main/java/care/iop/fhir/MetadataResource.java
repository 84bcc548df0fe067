package care.iop.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

import java.util.Comparator;
import java.util.Date;

/**
 * This service's part of the FHIR capability statement: the resource types it serves and what it implements for each.
 * Readable without a token (FHIR clients read it before they authenticate); the gateway merges the three parts into
 * the one statement EHRs see at {@code /fhir/R4/metadata}.
 */
@Path(FhirMedia.BASE_PATH + "/metadata")
public class MetadataResource {
    private static final Date STARTED = new Date();

    @Inject
    Instance<FhirResourceCapability> capabilities;

    /**
     * The resource types this service serves with their interactions and search parameters; clients read the merged
     * statement at the gateway's {@code /fhir/R4/metadata}.
     */
    @GET
    @PermitAll
    @Produces({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
    public CapabilityStatement metadata() {
        CapabilityStatement statement = new CapabilityStatement()
                .setStatus(PublicationStatus.ACTIVE)
                .setDate(STARTED)
                .setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1)
                .setPublisher("IOP Care");
        statement.addFormat("json");
        statement.getSoftware().setName("IOP Care");
        var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        capabilities.stream().map(FhirResourceCapability::describe)
                .sorted(Comparator.comparing(c -> c.getType()))
                .forEach(rest::addResource);
        return statement;
    }
}
