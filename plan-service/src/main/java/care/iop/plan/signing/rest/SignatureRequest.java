package care.iop.plan.signing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signature of one plan version. */
@Schema(name = "SignatureRequest", description = "Who signs in which role and how. The patient signs electronically with their own"
        + " `patient` token; the author (and a co-signer) electronically with their own `clinician` token carrying `clinician_id`;"
        + " staff (clinician, admin) record a patient's or guardian's signature given in person or verbally, naming the signer"
        + " (and, for a verbal one, the witness).")
public record SignatureRequest(
        @NotNull @Pattern(regexp = "patient|guardian|author|co-signer", message = "must be one of patient, guardian, author, co-signer")
        @Schema(example = "patient", enumeration = { "patient", "guardian", "author", "co-signer" },
                description = "patient (an adult; an adolescent's own signature counts as assent only), guardian (of an adolescent),"
                        + " author (the plan's primary clinician), co-signer (a licensed clinician, for an author with a supervised"
                        + " credential only)") String role,
        @NotNull @Pattern(regexp = "in-person|electronic|verbal", message = "must be one of in-person, electronic, verbal")
        @Schema(example = "electronic", enumeration = { "in-person", "electronic", "verbal" },
                description = "electronic: with the signer's own token; in-person, verbal: recorded by staff") String method,
        @Size(max = 200) @Schema(example = "Ana Diaz", description = "The person who signed; required when staff record the signature")
        String signerName,
        @Size(max = 200) @Schema(example = "Lou Ray (front desk)", description = "Required for a verbal signature") String witness) {
}
