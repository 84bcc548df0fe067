package care.iop.plan.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Period;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import care.iop.plan.config.PlanConfig;
import care.iop.plan.episode.service.HourRules;

/** iop.plan.step-down-tolerance is 7 to 14 days (domain.md: 1 to 2 weeks); anything else stops the service from starting. */
class ToleranceConfigTest {

    private static HourRules rules(String tolerance) throws Exception {
        PlanConfig config = (PlanConfig) Proxy.newProxyInstance(PlanConfig.class.getClassLoader(), new Class<?>[] { PlanConfig.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("stepDownTolerance")) {
                        return Period.parse(tolerance);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        HourRules rules = new HourRules();
        Field field = HourRules.class.getDeclaredField("config");
        field.setAccessible(true);
        field.set(rules, config);
        return rules;
    }

    @ParameterizedTest
    @ValueSource(strings = { "P7D", "P10D", "P14D", "P2W" })
    void sevenToFourteenDaysAreAccepted(String tolerance) throws Exception {
        assertThat(rules(tolerance).toleranceDays()).isBetween(7, 14);
    }

    @ParameterizedTest
    @ValueSource(strings = { "P6D", "P15D", "P1M", "P0D" })
    void anythingElseIsRefused(String tolerance) throws Exception {
        HourRules rules = rules(tolerance);
        assertThatThrownBy(rules::toleranceDays).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("iop.plan.step-down-tolerance must be 7 to 14 days");
    }
}
