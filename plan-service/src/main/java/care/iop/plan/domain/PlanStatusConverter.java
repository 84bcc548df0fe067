package care.iop.plan.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link PlanStatus} as its FHIR code. */
@Converter
public class PlanStatusConverter implements AttributeConverter<PlanStatus, String> {
    @Override
    public String convertToDatabaseColumn(PlanStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public PlanStatus convertToEntityAttribute(String code) {
        return code == null ? null : PlanStatus.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown plan status " + code));
    }
}
