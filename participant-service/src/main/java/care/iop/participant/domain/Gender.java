package care.iop.participant.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** FHIR administrative gender; JSON uses the FHIR codes (lower case). */
public enum Gender {
    @JsonProperty("male") MALE("male"),
    @JsonProperty("female") FEMALE("female"),
    @JsonProperty("other") OTHER("other"),
    @JsonProperty("unknown") UNKNOWN("unknown");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    @Override
    public String toString() {
        return code;
    }
}
