package care.iop.session.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import care.iop.platform.problem.ProblemException;

/** The query values on their own, without a running service. */
class TimeParamsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDayIsReadInTheProgramZoneAndToIncludesIt() {
        assertThat(TimeParams.from("2026-12-01", NEW_YORK)).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00-05:00"));
        assertThat(TimeParams.to("2026-12-01", NEW_YORK)).isEqualTo(OffsetDateTime.parse("2026-12-02T00:00:00-05:00"));
    }

    @Test
    void anOffsetWhosePlusArrivedAsASpaceIsReadAsPlus() {
        // ?from=2026-12-01T09:00:00+01:00 sent without encoding the '+' reaches the service as a space
        assertThat(TimeParams.from("2026-12-01T09:00:00 01:00", NEW_YORK)).isEqualTo(OffsetDateTime.parse("2026-12-01T09:00:00+01:00"));
        assertThat(TimeParams.from("2026-12-01T09:00:00-05:00", NEW_YORK)).isEqualTo(OffsetDateTime.parse("2026-12-01T09:00:00-05:00"));
        assertThat(TimeParams.from("2026-12-01T14:00:00Z", NEW_YORK)).isEqualTo(OffsetDateTime.parse("2026-12-01T14:00:00Z"));
    }

    @Test
    void anythingElseIsA400NamingTheParameter() {
        assertThatThrownBy(() -> TimeParams.to("next week", NEW_YORK)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("to"));
        assertThat(TimeParams.from(" ", NEW_YORK)).isNull();
    }
}
