package care.iop.participant.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DischargeRequest", description = "Why and when a patient left the program")
public record DischargeRequest(
        @Schema(example = "Completed program") @NotBlank @Size(max = 500) String reason,
        @Schema(example = "2027-02-20", description = "Not in the future, not before the admission date nor 1900")
        @NotNull @PastOrPresent @Years LocalDate date,
        @Pattern(regexp = "COMPLETED|STEPPED_DOWN|TRANSFERRED|LEFT_AGAINST_ADVICE|NON_ATTENDANCE|ADMINISTRATIVE|OTHER",
                message = "must be one of COMPLETED, STEPPED_DOWN, TRANSFERRED, LEFT_AGAINST_ADVICE, NON_ATTENDANCE, ADMINISTRATIVE, OTHER")
        @Schema(example = "COMPLETED", enumeration = { "COMPLETED", "STEPPED_DOWN", "TRANSFERRED", "LEFT_AGAINST_ADVICE", "NON_ATTENDANCE",
                "ADMINISTRATIVE", "OTHER" }, description = "The coded reason; default OTHER. plan-service completes the active plan for"
                + " COMPLETED, STEPPED_DOWN and TRANSFERRED and revokes it for the others.") String reasonCode) {

    /** A discharge without a coded reason (OTHER). */
    public DischargeRequest(String reason, LocalDate date) {
        this(reason, date, null);
    }
}
