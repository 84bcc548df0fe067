package care.iop.platform.worklist;

/** The call that acts on a worklist item (e.g. {@code POST /api/v1/notes/{id}/signatures}), or that reads it. */
public record WorklistAction(String method, String href) {
    public static WorklistAction get(String href) {
        return new WorklistAction("GET", href);
    }

    public static WorklistAction post(String href) {
        return new WorklistAction("POST", href);
    }

    public static WorklistAction put(String href) {
        return new WorklistAction("PUT", href);
    }
}
