package care.iop.session.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import care.iop.session.domain.SessionType;

@Schema(description = "A weekly series: on the given days at the local start time (program time zone), from a date until a date "
        + "or for a number of occurrences (exactly one of until and count).")
public record SeriesRequest(
        @NotNull @Schema(example = "GROUP") SessionType type,
        @NotNull @Schema(example = "6a1c2f0e-8f0a-4c47-9a57-1d0c8f4b2e11") UUID clinicianId,
        @Schema(description = "Required for INDIVIDUAL and FAMILY series") UUID patientId,
        @NotEmpty @Size(max = 7) @Schema(example = "[\"MONDAY\", \"WEDNESDAY\", \"FRIDAY\"]") List<@NotNull DayOfWeek> daysOfWeek,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00") LocalTime startTime,
        @NotNull @Min(15) @Max(720) @Schema(example = "180") Integer durationMinutes,
        @NotNull @Schema(example = "2027-03-01") LocalDate from,
        @Schema(example = "2027-05-31") LocalDate until,
        @Min(1) @Max(1000) @Schema(example = "36") Integer count,
        @Size(max = 200) @Schema(example = "Relapse prevention") String topic,
        @Min(1) @Max(1000) @Schema(example = "12") Integer capacity,
        @NotBlank @Size(max = 100) @Schema(example = "Room A") String location) {
}
