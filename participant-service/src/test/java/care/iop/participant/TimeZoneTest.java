package care.iop.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import care.iop.participant.service.TimeSource;
import io.quarkus.test.junit.QuarkusTest;

/** participant-service reckons days (consent expiry, the cap on disclosures) in the program's time zone, like every service. */
@QuarkusTest
class TimeZoneTest {

    @Inject
    TimeSource time;

    @Test
    void daysAreReckonedInTheSharedProgramTimeZone() {
        ZoneId program = ConfigProvider.getConfig().getValue("iop.program.time-zone", ZoneId.class);
        assertThat(program).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(time.zone()).isEqualTo(program);
        assertThat(time.today()).isIn(LocalDate.now(program), LocalDate.now(program).plusDays(1));
        assertThat(ConfigProvider.getConfig().getOptionalValue("iop.participant.zone", String.class)).isEmpty();
    }
}
