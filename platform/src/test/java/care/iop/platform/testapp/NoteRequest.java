package care.iop.platform.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record NoteRequest(@NotNull UUID patientId, @NotBlank String text, Integer count,
                          @PastOrPresent LocalDate writtenOn, Kind kind, List<@Valid Tag> tags) {
    public enum Kind { PROGRESS, INTAKE }

    public record Tag(@NotBlank String system, @NotBlank String value) {
    }
}
