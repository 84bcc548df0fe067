package care.iop.participant.fhir;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.hl7.fhir.instance.model.api.IBaseResource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import care.iop.fhir.Fhir;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Lets Jackson write a HAPI resource as its FHIR JSON (HAPI's model is not a Jackson bean). The platform's idempotency
 * keys need it on a FHIR create: they fingerprint the request body and store the answer with Jackson, so a repeat of
 * {@code POST /fhir/R4/Patient} with the same Idempotency-Key gets the first answer again (as {@code application/fhir+json}).
 * HTTP bodies are still read and written by the FHIR foundation's {@code FhirBodies}.
 */
@Singleton
public class FhirResourcesAsJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("fhir-resources");
        module.addSerializer(IBaseResource.class, new JsonSerializer<>() {
            @Override
            public void serialize(IBaseResource resource, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeRawValue(Fhir.json().encodeResourceToString(resource));
            }
        });
        mapper.registerModule(module);
    }
}
