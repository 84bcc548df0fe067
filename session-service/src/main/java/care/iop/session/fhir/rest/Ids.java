package care.iop.session.fhir.rest;

import java.util.UUID;

import care.iop.fhir.FhirException;

/** Our resource ids are UUIDs: any other id names no resource of ours (404, not a malformed request). */
final class Ids {
    private Ids() {
    }

    static UUID parse(String type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirException.notFound(type, id);
        }
    }
}
