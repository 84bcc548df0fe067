package care.iop.participant.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry records a clinician's credentials ("LCSW", "LPC-A"), not a specialty; EHRs search PractitionerRole by
 * specialty as a NUCC Health Care Provider Taxonomy code ({@value ParticipantFhirUrls#NUCC_TAXONOMY}, US Core's SHALL
 * search). This table says which taxonomy code each credential stands for, so a role's specialties follow from its
 * clinician's credentials and a search by specialty becomes a search by credentials. Credentials are compared ignoring
 * case, dots and spaces ("Ph.D." is PHD); a credential not in the table (e.g. "intern") gives no specialty.
 *
 * <table>
 * <caption>Credentials and their NUCC codes</caption>
 * <tr><th>credentials</th><th>code</th><th>display</th></tr>
 * <tr><td>LCSW, LICSW, LISW, LMSW</td><td>1041C0700X</td><td>Clinical Social Worker</td></tr>
 * <tr><td>LPC, LPC-A, LPCC, LCPC, LMHC</td><td>101YP2500X</td><td>Professional Counselor</td></tr>
 * <tr><td>LMFT, LMFT-A</td><td>106H00000X</td><td>Marriage &amp; Family Therapist</td></tr>
 * <tr><td>LAC, LCDC, LCDC-I, LCADC, CADC, LADC</td><td>101YA0400X</td><td>Addiction (Substance Use Disorder) Counselor</td></tr>
 * <tr><td>PSYD, PHD</td><td>103T00000X</td><td>Psychologist</td></tr>
 * <tr><td>MD, DO</td><td>2084P0800X</td><td>Psychiatry</td></tr>
 * <tr><td>PMHNP, NP</td><td>363LP0808X</td><td>Psychiatric/Mental Health Nurse Practitioner</td></tr>
 * </table>
 * Supervised credentials (LPC-A, LMFT-A, LMSW, LAC, LCDC-I) name the discipline the clinician practises under
 * supervision, so they map like the licence they lead to. PhD is read as a psychologist's degree and MD/DO as a
 * psychiatrist's, NP as a psychiatric nurse practitioner's: in this program (an IOP) those are the clinicians who hold
 * them. docs/fhir-participant.md repeats the table.
 */
public final class ProviderTaxonomy {

    /** A NUCC code with its display. */
    public record Specialty(String code, String display) {
    }

    private static final Map<String, Specialty> BY_CREDENTIAL = new LinkedHashMap<>();

    static {
        map(new Specialty("1041C0700X", "Clinical Social Worker"), "LCSW", "LICSW", "LISW", "LMSW");
        map(new Specialty("101YP2500X", "Professional Counselor"), "LPC", "LPC-A", "LPCC", "LCPC", "LMHC");
        map(new Specialty("106H00000X", "Marriage & Family Therapist"), "LMFT", "LMFT-A");
        map(new Specialty("101YA0400X", "Addiction (Substance Use Disorder) Counselor"), "LAC", "LCDC", "LCDC-I", "LCADC", "CADC", "LADC");
        map(new Specialty("103T00000X", "Psychologist"), "PSYD", "PHD");
        map(new Specialty("2084P0800X", "Psychiatry"), "MD", "DO");
        map(new Specialty("363LP0808X", "Psychiatric/Mental Health Nurse Practitioner"), "PMHNP", "NP");
    }

    private ProviderTaxonomy() {
    }

    private static void map(Specialty specialty, String... credentials) {
        for (String credential : credentials) {
            BY_CREDENTIAL.put(credential, specialty);
        }
    }

    /** A credential as the table compares it: upper case, without dots and spaces ("Ph.D." → "PHD"). */
    public static String normalize(String credential) {
        return credential.toUpperCase(Locale.ROOT).replace(".", "").replace(" ", "");
    }

    /** The distinct specialties of these credentials, in the order of the credentials; unknown ones give none. */
    public static List<Specialty> specialties(List<String> credentials) {
        return credentials.stream().map(c -> BY_CREDENTIAL.get(normalize(c))).filter(Objects::nonNull).distinct().toList();
    }

    /** The (normalized) credentials that map to {@code code}; empty for a code the table does not give. */
    public static Set<String> credentialsFor(String code) {
        Set<String> credentials = new TreeSet<>();
        BY_CREDENTIAL.forEach((credential, specialty) -> {
            if (specialty.code().equals(code)) {
                credentials.add(credential);
            }
        });
        return credentials;
    }

    /** Every credential that gives a specialty (normalized). */
    public static Set<String> mappedCredentials() {
        return new TreeSet<>(BY_CREDENTIAL.keySet());
    }
}
