package care.iop.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The year check of request-body dates, on a plain ObjectMapper customized as Quarkus does it. */
class StorableDatesTest {
    record Body(LocalDate day, OffsetDateTime at) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StorableDates().customize(mapper);
        return mapper;
    }

    private static Body read(String day, String at) throws Exception {
        return MAPPER.readValue("{\"day\":" + (day == null ? "null" : "\"" + day + "\"") + ",\"at\":"
                + (at == null ? "null" : "\"" + at + "\"") + "}", Body.class);
    }

    @Test
    void theFirstAndLastStorableDaysAndNullsPass() throws Exception {
        assertThat(read("0001-01-01", "0001-01-01T00:00:00Z")).isEqualTo(new Body(LocalDate.of(1, 1, 1),
                OffsetDateTime.parse("0001-01-01T00:00:00Z")));
        assertThat(read("9999-12-31", "9999-12-31T23:59:59Z").day()).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(read(null, null)).isEqualTo(new Body(null, null));
    }

    @Test
    void yearsOutsideOneToNineThousandNineHundredNinetyNineAreRefusedNamingTheField() {
        for (String day : new String[] { "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31" }) {
            assertThatThrownBy(() -> read(day, null)).isInstanceOf(StorableDates.YearOutOfRange.class)
                    .hasMessageStartingWith(StorableDates.MESSAGE).hasMessageContaining("[\"day\"]");
            assertThatThrownBy(() -> read(null, day + "T00:00:00Z")).isInstanceOf(StorableDates.YearOutOfRange.class)
                    .hasMessageContaining("[\"at\"]");
        }
        // stored in UTC: 23:00 on 9999-12-31 in New York is year 10000
        assertThatThrownBy(() -> read(null, "9999-12-31T23:00:00-05:00")).isInstanceOf(StorableDates.YearOutOfRange.class);
    }
}
