package care.iop.session.notes.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import care.iop.session.notes.domain.NoteFormat;

/** Progress-note rules a program may tune ({@code iop.notes.*}). */
@ConfigMapping(prefix = "iop.notes")
public interface NotesConfig {

    /** The program's note format: every new note is written in it (a note in the other format is refused, 400). */
    @WithDefault("DAP")
    NoteFormat format();

    /** A note is due this long after its session's end; unsigned past it, it is overdue. */
    @WithDefault("PT72H")
    Duration dueAfter();

    /**
     * Credentials (as participant-service records them on clinicians) whose holder's signature needs a co-signature by
     * another active clinician without any of them. Compared ignoring case.
     */
    @WithDefault("LPC-A,LMFT-A,LMSW,LAC,LCDC-I,INTERN")
    Set<String> supervisedCredentials();

    /** True when one of {@code credentials} is a supervised one. */
    default boolean supervised(Iterable<String> credentials) {
        for (String credential : credentials) {
            for (String supervised : supervisedCredentials()) {
                if (credential != null && supervised.strip().toUpperCase(Locale.ROOT).equals(credential.strip().toUpperCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
