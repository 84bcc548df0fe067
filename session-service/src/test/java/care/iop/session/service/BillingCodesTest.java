package care.iop.session.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import care.iop.session.domain.AttendanceStatus;
import care.iop.session.domain.SessionType;

/** The suggested codes at their boundaries, without a running service. */
class BillingCodesTest {

    @Test
    void familyCodesNeedTwentySixMinutes() {
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.ATTENDED, 25)).isNull();
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.ATTENDED, 26)).isEqualTo("90847");
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.LATE, 26)).isEqualTo("90847");
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.EXCUSED, 25)).isNull();
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.EXCUSED, 26)).isEqualTo("90846");
        // neither code for a family member's session the patient missed without excuse
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.NO_SHOW, 50)).isNull();
        assertThat(BillingCodes.suggest(SessionType.FAMILY, AttendanceStatus.ABSENT, 50)).isNull();
    }

    @Test
    void individualCodesFollowTheMinuteBands() {
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.ATTENDED, 15)).isNull();
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.ATTENDED, 16)).isEqualTo("90832");
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.ATTENDED, 37)).isEqualTo("90832");
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.ATTENDED, 38)).isEqualTo("90834");
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.ATTENDED, 52)).isEqualTo("90834");
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.ATTENDED, 53)).isEqualTo("90837");
        assertThat(BillingCodes.suggest(SessionType.INDIVIDUAL, AttendanceStatus.EXCUSED, 53)).isNull();
    }

    @Test
    void groupCodeForEachMemberPresent() {
        assertThat(BillingCodes.suggest(SessionType.GROUP, AttendanceStatus.ATTENDED, 1)).isEqualTo("90853");
        assertThat(BillingCodes.suggest(SessionType.GROUP, AttendanceStatus.ATTENDED, 0)).isNull();
        assertThat(BillingCodes.suggest(SessionType.GROUP, AttendanceStatus.NO_SHOW, 0)).isNull();
    }
}
