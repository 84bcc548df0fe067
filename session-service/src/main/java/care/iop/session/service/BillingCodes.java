package care.iop.session.service;

import care.iop.session.domain.AttendanceStatus;
import care.iop.session.domain.SessionType;

/**
 * Suggested CPT code for one attendee: individual 90832 (16-37 min), 90834 (38-52), 90837 (53+);
 * group 90853 per attending patient; family 90847 with the patient present, 90846 without (26+ min).
 */
public final class BillingCodes {
    public static final int FAMILY_MINIMUM = 26;

    private BillingCodes() {
    }

    public static String suggest(SessionType type, AttendanceStatus status, int minutes) {
        return switch (type) {
            case INDIVIDUAL -> {
                if (!status.present() || minutes < 16) {
                    yield null;
                }
                yield minutes <= 37 ? "90832" : minutes <= 52 ? "90834" : "90837";
            }
            case GROUP -> status.present() && minutes > 0 ? "90853" : null;
            case FAMILY -> {
                if (minutes < FAMILY_MINIMUM) {
                    yield null;
                }
                if (status.present()) {
                    yield "90847";
                }
                yield status == AttendanceStatus.EXCUSED ? "90846" : null;
            }
        };
    }
}
