package care.iop.plan.fhir.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The FHIR id of a plan's goal: {@code <plan id>.<goal id>} ({@code 9b0c…-…-….G1}), so that a read finds the plan first.
 * A FHIR id allows 64 letters, digits, '-' and '.'; a goal id allows '_' and 40 characters, so a goal id that does not
 * fit is replaced by 27 hex digits of its SHA-256 (and found again by comparing the plan's goals' ids, {@link #matches}).
 */
public final class GoalIds {
    private static final int UUID_LENGTH = 36;
    private static final Pattern AS_IS = Pattern.compile("[A-Za-z0-9.-]{1,27}");

    /** A parsed Goal id: the plan, and the goal part to compare with {@link #part} of each of its goals. */
    public record Parsed(UUID planId, String goalPart) {
    }

    private GoalIds() {
    }

    public static String of(UUID planId, String goalId) {
        return planId + "." + part(goalId);
    }

    /** The goal part of the FHIR id of the goal whose plan-local id is {@code goalId}. */
    public static String part(String goalId) {
        return AS_IS.matcher(goalId).matches() ? goalId : hash(goalId);
    }

    public static boolean matches(Parsed id, String goalId) {
        return id.goalPart().equals(part(goalId));
    }

    /** Empty for an id that no goal has (wrong shape, not a plan's UUID). */
    public static Optional<Parsed> parse(String id) {
        if (id == null || id.length() < UUID_LENGTH + 2 || id.charAt(UUID_LENGTH) != '.') {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(UUID.fromString(id.substring(0, UUID_LENGTH)), id.substring(UUID_LENGTH + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String hash(String goalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(goalId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
