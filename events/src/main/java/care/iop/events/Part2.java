package care.iop.events;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * What a 42 CFR Part 2 record is, defined once for every service (domain.md, "Privacy rules"): every record
 * of a patient in a substance-use-disorder track, and every record that carries an SUD diagnosis
 * (ICD-10-CM F10-F19) even in another track. Everything derived from such a record is Part 2 too, so a
 * service labels the <em>patient</em>: once any record of a patient is Part 2, all of that patient's records
 * in that service are treated as Part 2 (the conservative reading: the fact that a person is treated for
 * SUD is itself protected).
 * <p>
 * participant-service decides from the track, plan-service from the track and the plan's problems; the
 * decision travels in the events ({@code part2} of {@link PatientState}, {@link PlanState},
 * {@link BookingState}, {@link AttendanceRecorded}) so that consumers know it without asking.
 */
public final class Part2 {
    /** Tracks whose every record is a Part 2 record. */
    public static final Set<String> SUD_TRACKS = Set.of("ADULT_SUD");

    private Part2() {
    }

    /** True for a substance-use-disorder track. */
    public static boolean track(String track) {
        return track != null && SUD_TRACKS.contains(track.strip().toUpperCase(Locale.ROOT));
    }

    /** True for an ICD-10-CM code in F10-F19 (mental and behavioural disorders due to psychoactive substance use), dotted or not. */
    public static boolean diagnosis(String icd10) {
        if (icd10 == null) {
            return false;
        }
        String code = icd10.strip().toUpperCase(Locale.ROOT);
        return code.length() >= 3 && code.charAt(0) == 'F' && code.charAt(1) == '1' && Character.isDigit(code.charAt(2));
    }

    /** True when any of the codes is an SUD diagnosis. */
    public static boolean anyDiagnosis(Collection<String> icd10Codes) {
        return icd10Codes != null && icd10Codes.stream().anyMatch(Part2::diagnosis);
    }

    /**
     * The label an event carries, or, for an event written before the label existed ({@code flag} null),
     * the label its track implies.
     */
    public static boolean label(Boolean flag, String track) {
        return flag != null ? flag : track(track);
    }
}
