package care.iop.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes HAPI resources as FHIR JSON with the one {@link Fhir#context() context}, for the FHIR media types and
 * plain JSON. A body that does not parse is a 400 naming the element ({@link StrictParseErrors}); a body of another
 * resource type than the endpoint takes is a 400 too.
 */
@Provider
@Produces({FhirMedia.FHIR_JSON, FhirMedia.LEGACY_FHIR_JSON, MediaType.APPLICATION_JSON})
@Consumes({FhirMedia.FHIR_JSON, FhirMedia.LEGACY_FHIR_JSON, MediaType.APPLICATION_JSON})
public class FhirBodies implements MessageBodyReader<IBaseResource>, MessageBodyWriter<IBaseResource> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                                  MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        var reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        try {
            return concrete ? Fhir.json().parseResource(type, reader) : Fhir.json().parseResource(reader);
        } catch (FhirException e) {
            throw concrete ? rooted(e, type.getSimpleName()) : e;
        } catch (DataFormatException e) {
            if (e.getCause() instanceof FhirException fhir) {
                throw fhir;
            }
            throw FhirException.badRequest(e.getMessage(), null);
        }
    }

    /** The parser names an element relative to its parent; FHIRPath starts at the resource type. */
    private static FhirException rooted(FhirException e, String resourceType) {
        String path = e.expression();
        if (path == null || path.startsWith(resourceType + ".")) {
            return e;
        }
        return new FhirException(e.status(), e.code(), e.getMessage(), resourceType + "." + path);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        if (mediaType == null || mediaType.isWildcardType() || mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            headers.putSingle("Content-Type", FhirMedia.FHIR_JSON + ";charset=UTF-8");
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Fhir.json().encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
