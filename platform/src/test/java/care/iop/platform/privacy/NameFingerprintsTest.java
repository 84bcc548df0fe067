package care.iop.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Keyed name fingerprints and the matcher that finds a fingerprinted name in a text (docs/security.md, "Name fingerprints"). */
class NameFingerprintsTest {
    private final NameFingerprints fingerprints = new NameFingerprints("a-test-key-of-some-length");

    private NameFingerprints.Match find(String text, String... names) {
        return fingerprints.find(text, fingerprints.fingerprints(List.of(names))).orElse(null);
    }

    @Test
    void normalizationKeepsLowerCaseLettersAndDigitsWithoutDiacritics() {
        assertThat(NameFingerprints.normalize("Díaz-Ñúñez")).isEqualTo("diaznunez");
        assertThat(NameFingerprints.normalize("D\u0301I A\tZ")).isEqualTo("diaz");
        assertThat(NameFingerprints.normalize("MRN-000 123")).isEqualTo("mrn000123");
        assertThat(NameFingerprints.normalize("ﬁona")).isEqualTo("fiona");
        assertThat(NameFingerprints.normalize("İlker")).isEqualTo("ilker");
        assertThat(NameFingerprints.normalize(" -. ")).isEmpty();
    }

    @Test
    void aFingerprintIsTheNormalizedLengthAnd16BytesOfKeyedHmac() {
        String diaz = fingerprints.fingerprint("Diaz").orElseThrow();
        assertThat(diaz).matches("4:[0-9a-f]{32}");
        assertThat(fingerprints.fingerprint("DÍAZ")).contains(diaz);
        assertThat(fingerprints.fingerprint(" d-i-a-z ")).contains(diaz);
        assertThat(new NameFingerprints("another-key-of-some-length").fingerprint("Diaz").orElseThrow()).isNotEqualTo(diaz);
        assertThat(fingerprints.fingerprint("--")).isEmpty();
        assertThat(fingerprints.fingerprints(List.of("Ana", "ANA", "Diaz", "."))).hasSize(2);
    }

    @Test
    void aKeyTooShortIsRefused() {
        assertThatThrownBy(() -> new NameFingerprints("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NameFingerprints(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameIsFoundInAnyCaseSpacingAndAccentWithItsOriginalPosition() {
        assertThat(find("Sat next to Diaz today", "Diaz")).isEqualTo(new NameFingerprints.Match(12, 4));
        assertThat(find("Sat next to DIAZ.", "Diaz")).isEqualTo(new NameFingerprints.Match(12, 4));
        assertThat(find("Sat next to D i a z, again", "Diaz")).isEqualTo(new NameFingerprints.Match(12, 7));
        assertThat(find("Sat next to Díaz", "Diaz")).isEqualTo(new NameFingerprints.Match(12, 4));
        assertThat(find("Sat next to Di\u0301az", "Diaz")).isEqualTo(new NameFingerprints.Match(12, 5));
        assertThat(find("Diaz", "Díaz")).isEqualTo(new NameFingerprints.Match(0, 4));
        assertThat(find("(d.i.a.z)", "Diaz")).isEqualTo(new NameFingerprints.Match(1, 7));
        assertThat(find("Spoke with O'Brien", "OBrien")).isEqualTo(new NameFingerprints.Match(11, 7));
    }

    @Test
    void aNameInsideALongerWordOrAcrossAWordIsNotAMatch() {
        assertThat(find("She ate a banana", "Ana")).isNull();
        assertThat(find("ate an apple", "Ana")).isNull();
        assertThat(find("Diazepam was discussed", "Diaz")).isNull();
        assertThat(find("Ana", "Ana")).isEqualTo(new NameFingerprints.Match(0, 3));
        assertThat(find("banana Ana", "Ana")).isEqualTo(new NameFingerprints.Match(7, 3));
    }

    @Test
    void identifiersMatchWithoutTheirPunctuationAndTheFirstMatchIsReported() {
        assertThat(find("Chart MRN 000123 reviewed", "MRN-000123")).isEqualTo(new NameFingerprints.Match(6, 10));
        assertThat(find("Chart 000123 reviewed", "MRN-000123")).isNull();
        assertThat(find("Lee, then Diaz", "Diaz", "Lee")).isEqualTo(new NameFingerprints.Match(0, 3));
    }

    @Test
    void emptyOrMalformedInputMatchesNothing() {
        assertThat(fingerprints.find(null, List.of("4:00"))).isEmpty();
        assertThat(fingerprints.find("Diaz", List.of())).isEmpty();
        assertThat(fingerprints.find("Diaz", List.of("x:1", ":", "0:00"))).isEmpty();
        assertThat(find("Diaz", "Diazepam")).isNull();
    }
}
