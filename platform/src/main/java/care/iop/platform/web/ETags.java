package care.iop.platform.web;

import care.iop.platform.problem.ProblemException;
import care.iop.problems.ProblemType;

/** Optimistic concurrency over HTTP: the ETag is the entity version; writes require a matching If-Match. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 428 when {@code ifMatch} is missing, 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of your last read to update this resource");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (!value.equals(of(currentVersion))) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The resource is at version " + of(currentVersion) + "; read it again and retry");
        }
    }
}
