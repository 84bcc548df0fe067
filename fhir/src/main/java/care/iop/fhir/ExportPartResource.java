package care.iop.fhir;

import care.iop.platform.audit.AuditAction;
import care.iop.platform.audit.AuditLog;
import care.iop.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * This service's part of a bulk export (FHIR Bulk Data 2.0), streamed as NDJSON, one resource per line, for the
 * gateway's export jobs: {@code _type} (comma-separated; default all this service serves), {@code _since}, and
 * {@code patient} (comma-separated ids; default all patients). Backend services only ({@code system/} scopes, each
 * type granted), with the same privacy rules as searches; one audit record per part.
 */
@Path(FhirMedia.BASE_PATH + "/$export-part")
public class ExportPartResource {
    @Inject
    Instance<ExportSource> sources;

    @Inject
    FhirAccess access;

    @Inject
    AuditLog audit;

    /**
     * Internal: the gateway's {@code Patient/$export} and {@code Group/{id}/$export} jobs stream the three services'
     * parts into files. 400 for an unknown {@code _type} or a bad {@code _since} or patient; 403 without a system scope
     * or a type granted.
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Produces(FhirMedia.FHIR_NDJSON)
    public StreamingOutput export(@QueryParam("_type") String types, @QueryParam("_since") String since,
                                  @QueryParam("patient") String patients) {
        if (!access.isSystem()) {
            throw FhirException.forbidden("Bulk export needs system/ scopes (a backend service token)");
        }
        Set<String> served = new LinkedHashSet<>();
        sources.forEach(source -> served.addAll(source.types()));
        Set<String> wanted = split(types).isEmpty() ? served : split(types);
        for (String type : wanted) {
            if (!served.contains(type)) {
                throw FhirException.badRequest("_type " + type + " is not served here; served: " + served, "_type");
            }
            access.require(type, Interaction.READ);
        }
        Set<UUID> patientIds = new LinkedHashSet<>();
        split(patients).forEach(id -> patientIds.add(FhirSearch.uuid("patient", id)));
        Instant from = since == null ? null : FhirSearch.dates("_since", List.of(since), ZoneOffset.UTC).from();
        ExportQuery query = new ExportQuery(Set.copyOf(wanted), from, Set.copyOf(patientIds));
        audit.success(AuditAction.READ, "$export", String.join(",", wanted), patientIds);
        return out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            var parser = Fhir.json().setPrettyPrint(false);
            for (ExportSource source : sources) {
                source.export(query, resource -> {
                    try {
                        writer.write(parser.encodeResourceToString(resource));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            writer.flush();
        };
    }

    private static Set<String> split(String values) {
        Set<String> parts = new LinkedHashSet<>();
        if (values != null) {
            for (String part : values.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }
}
